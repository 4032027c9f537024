// HANDOVER_NOT_READY carries the codes of what is missing (detail `gaps`); the CLI (formatError) and the
// window (ErrorAlert, through localizedDetails) render them in the reader's language, never English
// inside the Chinese message.
import { formatError, localizedDetails } from '../../../shared/errors';
import { HANDOVER_GAPS, gapLabels, gapsText, type HandoverBlocker } from '../../../shared/handover';

const BLOCKERS: HandoverBlocker[] = [
  'recipient',
  'certificate',
  'reasoning',
  'cross-border',
  'agreement',
  'pipia',
  'notices',
  'deadline',
];

describe('handover gaps', () => {
  test('every blocker and gap has a Chinese and an English text', () => {
    for (const blocker of BLOCKERS) expect(Object.keys(HANDOVER_GAPS)).toContain(blocker);
    for (const [code, text] of Object.entries(HANDOVER_GAPS)) {
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(text['zh-CN']).not.toMatch(/[A-Za-z]{4,}/);
      expect(text.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(gapLabels('en')[code as keyof typeof HANDOVER_GAPS]).toBe(text.en);
    }
  });

  test('HANDOVER_NOT_READY renders its gap codes in the reader’s language', () => {
    const details = { gaps: ['agreement', 'notice-deadline', 'pipia-custodian'] };
    const zh = formatError('HANDOVER_NOT_READY', 'zh-CN', details);
    expect(zh).toContain('已签署的移交协议；异议截止日期；影响评估：注销后的保管人');
    expect(zh).not.toMatch(/agreement|deadline|\{\{missing\}\}/);
    const en = formatError('HANDOVER_NOT_READY', 'en', details);
    expect(en).toContain('the signed agreement; the objection deadline; the PIPIA’s custodian');
    expect(localizedDetails('HANDOVER_NOT_READY', 'zh-CN', details).missing).toBe(
      gapsText(details.gaps, 'zh-CN'),
    );
  });

  test('an unknown code is shown as it is, and other errors keep their details', () => {
    expect(gapsText(['agreement', 'something-new'], 'en')).toBe('the signed agreement; something-new');
    expect(localizedDetails('FILE_EXISTS', 'en', { path: '/x' })).toEqual({ path: '/x' });
  });
});
