// The Incidents page's model (pages/incidents/use-incidents.ts) against the fake engine: the register and
// the plan read, an incident registered (the list read again), a notice draft written into the folder
// chosen in the dialog by its handle, a notice recorded sent, a refusal shown as the one error; and the
// drafts the notice dialog shows, in both languages, from the register's counts.
import { act } from '@testing-library/react';
import type { IncidentEntry } from '../../../shared/contract';
import { planTemplate } from '../../../shared/emergency-plan';
import { noticeDraft } from '../../../shared/incident-notice';
import { incidentTimers } from '../../../shared/incidents';
import { fail, ok } from '../../../shared/result';
import { useIncidents } from '../../../renderer/src/pages/incidents/use-incidents';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { chosen } from '../support/samples';

const discoveredAt = '2026-03-02T08:00:00.000Z';
const entry = (seq: number, change: Partial<IncidentEntry> = {}): IncidentEntry => ({
  id: `00000000-0000-4000-8000-00000000000${seq}`,
  ref: `I-000${seq}`,
  kind: 'lost-backup',
  discoveredAt,
  description: 'Backup disk lost on the train',
  affected: {
    basis: 'backup-manifest',
    backupId: '00000000-0000-4000-8000-0000000000aa',
    transferId: null,
    records: 1234,
    people: 1200,
    encrypted: true,
    keyExposed: false,
    fields: ['name', 'phone'],
    eu: 3,
    california: 0,
    sensitive: 7,
    minors: 2,
  },
  regimes: ['pipl', 'gdpr'],
  timers: incidentTimers(
    { discoveredAt, regimes: ['pipl', 'gdpr'], sent: {}, decided: {}, closed: false },
    new Date('2026-03-02T10:00:00Z'),
  ),
  decisions: [],
  notices: [],
  status: 'open',
  closedAt: null,
  closeNote: null,
  createdAt: discoveredAt,
  createdBy: '周敏',
  ...change,
});

test('useIncidents: registers, writes a draft into the chosen folder, records it sent', async () => {
  const folder = chosen('通知', 1);
  const lost = entry(1);
  const fake = installFakeBridge({
    'incidents.list': () => ok([lost]),
    'incidents.plan': () => ok(planTemplate('zh-CN')),
    'incidents.add': () => ok({ ...entry(2), incidentId: entry(2).id }),
    'dialog.choose': () => ok(folder),
    'incidents.notice': () => ok(lost),
  });
  const { result } = await renderModel(fake, () => useIncidents());
  await settle();
  expect(result.current.state).toMatchObject({ status: 'ok', value: [lost] });
  expect(result.current.plan?.language).toBe('zh-CN');

  act(() => result.current.setAdding(true));
  let added = false;
  await act(async () => {
    added = await result.current.add({ kind: 'other', discoveredAt, description: 'x' });
  });
  await settle();
  expect(added).toBe(true);
  expect(result.current.adding).toBe(false);

  act(() => result.current.setNoticeFor(lost));
  await act(() => result.current.writeDraft(lost, { regime: 'gdpr', audience: 'authority' }));
  await settle();
  expect(fake.inputsOf('dialog.choose')).toEqual([{ kind: 'folder', purpose: 'incident-output' }]);
  await act(() => result.current.markSent(lost, { regime: 'gdpr', audience: 'authority' }));
  const notices = fake.inputsOf('incidents.notice');
  expect(notices[0]).toEqual({
    id: lost.id,
    regime: 'gdpr',
    audience: 'authority',
    out: { handle: folder.handle },
  });
  expect(notices[1]).toMatchObject({
    id: lost.id,
    regime: 'gdpr',
    audience: 'authority',
    sentAt: expect.any(String),
  });
  await act(() =>
    result.current.recordDelay(lost, { regime: 'gdpr', audience: 'authority' }, 'Logs reviewed first'),
  );
  expect(fake.inputsOf('incidents.notice')[2]).toEqual({
    id: lost.id,
    regime: 'gdpr',
    audience: 'authority',
    delayReasons: 'Logs reviewed first',
  });
  expect(result.current.noticeFor).toEqual(lost);
  expect(fake.inputsOf('incidents.list').length).toBeGreaterThanOrEqual(3);
});

test('useIncidents: a refusal is the one error shown; closing asks for the incident first', async () => {
  const lost = entry(1);
  const fake = installFakeBridge({
    'incidents.list': () => ok([lost]),
    'incidents.plan': () => ok(planTemplate('en')),
    'incidents.close': () => fail('INCIDENT_CLOSED', 'closed'),
  });
  const { result } = await renderModel(fake, () => useIncidents());
  await settle();
  expect(await result.current.close('note')).toBe(false);
  expect(fake.inputsOf('incidents.close')).toEqual([]);
  act(() => result.current.setClosing(lost));
  await act(async () => {
    await result.current.close('done');
  });
  expect(result.current.error?.code).toBe('INCIDENT_CLOSED');
  expect(result.current.closing).toEqual(lost);
});

test('the drafts: counts, protection and headings in both languages', () => {
  const e = entry(1);
  const plan = { ...planTemplate('en'), updatedAt: '2026-03-01T00:00:00Z', updatedBy: '周敏' };
  plan.contacts[1] = { ...plan.contacts[1], name: 'Li Lei', contact: 'dpo@example.com' };
  const en = noticeDraft(e, plan, 'gdpr', 'authority', 'en');
  const text = en.sections.map((s) => `${s.heading}\n${s.body}`).join('\n');
  expect(en.title).toContain('supervisory authority');
  expect(text).toContain('1234 customer record(s), about 1200 people');
  expect(text).toContain('encrypted and the key was not exposed');
  expect(text).toContain('dpo@example.com');
  const zh = noticeDraft(e, planTemplate('zh-CN'), 'pipl', 'individuals', 'zh-CN');
  expect(zh.sections.map((s) => s.heading)).toEqual([
    '发生了什么',
    '涉及哪些信息',
    '我们正在做什么',
    '您可以做什么',
    '更多信息',
  ]);
  expect(zh.sections[1].body).toContain('涉及 1234 条客户记录');
  expect(zh.sections[1].body).toContain('姓名');
  const ca = noticeDraft(
    { ...e, affected: { ...e.affected, keyExposed: true } },
    plan,
    'ccpa',
    'individuals',
    'en',
  );
  expect(ca.title).toBe('Notice of Data Breach');
  expect(ca.sections[1].body).toContain('the key may have been exposed');
  // The unsaved template speaks the draft's language: an English draft from the Chinese template.
  const fromZh = noticeDraft(e, planTemplate('zh-CN'), 'gdpr', 'authority', 'en');
  expect(fromZh.sections[3].body).toContain('Find the lost backup');
  expect(fromZh.sections[1].body).toContain('concern minors. The data was encrypted');
});
