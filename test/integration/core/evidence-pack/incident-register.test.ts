// The incident register as evidence, on a real vault: the incident items follow the register (a PIPL duty
// neither notified nor decided and a GDPR notice sent after its 72 hours fail by the incident's reference;
// no incident under a law is not applicable), the plan item follows the saved plan and its drills, and the
// evidence pack carries the register, the drills and the plan as JSON, CSV and PDF, checked with openssl,
// tar and sha256sum — with no customer's value in that section.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist } from '../../../../shared/contract';
import { editablePlan } from '../../../../shared/emergency-plan';
import { closureVault, type ClosureFixture } from '../../support/closure-fixture';
import { checkPackWithDebianTools } from '../../support/openssl';

jest.setTimeout(180_000);

let v: ClosureFixture;
let companyPem: string;
const DELAY = 'The breach was confirmed only after the forensic review of the server logs';
const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();

beforeAll(async () => {
  v = await closureVault(40, 4460);
  await v.call('compliance.setApplicability', { pipl: true, gdpr: true, ccpa: true, iso27001: true });
  const exported = await v.call('audit.export', { dir: { path: join(v.elsewhere, 'audit') } });
  companyPem = exported.files.find((f) => f.endsWith('.certificate.pem'))!;
});
afterAll(() => v.remove());

const item = (c: Checklist, id: string) => c.items.find((i) => i.id === id)!;
const INCIDENT_ITEMS = ['pipl-57-incidents', 'gdpr-33-breaches', 'ccpa-82-breach', 'iso-5.24'];

it('evaluates the incident items from the register and the plan item from the plan and drills, then packs them', async () => {
  let c = await v.call('compliance.checklist', {});
  for (const id of INCIDENT_ITEMS) expect([id, item(c, id).status]).toEqual([id, 'not-applicable']);
  expect(item(c, 'pipl-57-incidents').evidence.en).toBe(
    'The incident register holds no incident (0 recorded in all)',
  );
  expect(item(c, 'pipl-51-incident-plan').evidence.en).toBe(
    'No emergency plan saved yet (only the template)',
  );

  const a = await v.call('incidents.add', {
    kind: 'unauthorised-access',
    discoveredAt: hoursAgo(100),
    description: 'A former employee logged in with an old account',
    source: { from: 'vault' },
    regimes: ['pipl', 'gdpr'],
  });
  c = await v.call('compliance.checklist', {});
  expect(item(c, 'pipl-57-incidents').status).toBe('not-met');
  expect(item(c, 'pipl-57-incidents').evidence.en).toContain(
    `2 notification duties not met in time: ${a.ref} (PIPL, authority: neither notified nor decided`,
  );
  expect(item(c, 'gdpr-33-breaches').evidence.en).toContain(`${a.ref} (GDPR, authority: neither notified`);
  expect(item(c, 'ccpa-82-breach').status).toBe('not-applicable');
  expect(item(c, 'iso-5.24').status).toBe('not-met');

  for (const audience of ['authority', 'individuals'] as const)
    await v.call('incidents.decide', {
      id: a.ref,
      regime: 'pipl',
      audience,
      decision: 'notify',
      reason: '内部账号被滥用，须通知',
    });
  await v.call('incidents.notice', {
    id: a.ref,
    regime: 'pipl',
    audience: 'authority',
    sentAt: hoursAgo(50),
  });
  await v.call('incidents.notice', { id: a.ref, regime: 'gdpr', audience: 'authority', sentAt: hoursAgo(1) });
  await v.call('incidents.decide', {
    id: a.ref,
    regime: 'gdpr',
    audience: 'individuals',
    decision: 'not-required',
    reason: 'Encrypted at rest; no export in the audit log',
  });
  const b = await v.call('incidents.add', {
    kind: 'other',
    discoveredAt: hoursAgo(3),
    description: 'Printed list found in the meeting room',
    source: { from: 'entered', records: 3, encrypted: false },
    regimes: ['ccpa'],
  });
  c = await v.call('compliance.checklist', {});
  expect(item(c, 'pipl-57-incidents')).toMatchObject({ status: 'met' });
  expect(item(c, 'pipl-57-incidents').evidence.en).toContain('1 still to act on, none past its deadline');
  expect(item(c, 'gdpr-33-breaches').status).toBe('not-met');
  expect(item(c, 'gdpr-33-breaches').evidence.en).toContain(
    `${a.ref} (GDPR, authority: notified after the deadline`,
  );
  expect(item(c, 'ccpa-82-breach')).toMatchObject({ status: 'met' });

  // Art. 33(1): a notification after 72 hours "shall be accompanied by reasons for the delay". Reasons
  // go with a notice recorded as sent, and then the late notice meets the duty.
  await expect(
    v.call('incidents.notice', { id: b.ref, regime: 'ccpa', audience: 'individuals', delayReasons: DELAY }),
  ).rejects.toThrow('INCIDENT_NOTICE_NOT_SENT');
  const explained = await v.call('incidents.notice', {
    id: a.ref,
    regime: 'gdpr',
    audience: 'authority',
    delayReasons: DELAY,
  });
  expect(explained.notices.find((n) => n.regime === 'gdpr')).toMatchObject({ delayReasons: DELAY });
  expect(explained.timers.find((t) => t.regime === 'gdpr' && t.audience === 'authority')!.state).toBe(
    'sent-late',
  );
  c = await v.call('compliance.checklist', {});
  expect(item(c, 'gdpr-33-breaches')).toMatchObject({ status: 'met' });
  expect(item(c, 'gdpr-33-breaches').evidence.en).toContain(
    `1 sent after the deadline with the reasons for the delay (GDPR Art. 33(1)): ${a.ref}`,
  );
  // ISO A.5.24–5.28 reads every law's duties: all handled now.
  expect(item(c, 'iso-5.24')).toMatchObject({ status: 'met' });

  const plan = editablePlan(await v.call('incidents.plan', { language: 'zh-CN' }));
  plan.drillPeriodMonths = 6;
  await v.call('incidents.savePlan', plan);
  c = await v.call('compliance.checklist', {});
  expect(item(c, 'pipl-51-incident-plan').evidence.en).toContain(
    'but no drill in the last 6 months (none yet)',
  );
  await v.call('incidents.logDrill', {
    heldOn: new Date().toISOString().slice(0, 10),
    kind: 'lost-backup',
    scenario: '备份盘在送往银行保险柜途中丢失',
    participants: ['张会计', 'IT'],
    findings: '恢复密钥与备份盘放在同一个包里',
  });
  c = await v.call('compliance.checklist', {});
  expect(item(c, 'pipl-51-incident-plan')).toMatchObject({ status: 'met' });

  const pack = await v.call('evidence.pack', { dir: { path: join(v.elsewhere, 'out') } });
  const { bag, sha256sum } = checkPackWithDebianTools(pack.path, join(v.elsewhere, 'unpacked'), companyPem);
  const files = [
    'register.json',
    'register.csv',
    'notifications.csv',
    'drills.json',
    'drills.csv',
    'emergency-plan.json',
    'emergency-plan.pdf',
  ];
  for (const f of files) expect(sha256sum).toContain(`data/incidents/${f}: OK`);
  const read = (f: string) => readFileSync(join(bag, 'data/incidents', f), 'utf8');
  const register = JSON.parse(read('register.json')) as {
    format: string;
    summary: Record<string, number>;
    incidents: Array<{ ref: string; status: string; regimes: string[] }>;
  };
  expect(register.format).toBe('closeout-incident-register');
  expect(register.summary).toEqual({
    recorded: 2,
    open: 2,
    noticesDrafted: 0,
    noticesSent: 2,
    timersRunning: 2,
  });
  expect(register.incidents.map((e) => [e.ref, e.regimes])).toEqual([
    [a.ref, ['pipl', 'gdpr']],
    [b.ref, ['ccpa']],
  ]);
  const notifications = read('notifications.csv').split('\r\n');
  expect(notifications[0]).toBe(
    '\uFEFFref,regime,audience,provision,deadline,state,decision,reason,decided_at,drafted_at,sent_at,delay_reasons',
  );
  expect(notifications.filter((l) => l.startsWith(`${a.ref},gdpr,authority,GDPR Art. 33(1),`))[0]).toMatch(
    new RegExp(`,sent-late,,,,,\\d{4}-[^,]+,${DELAY}$`),
  );
  expect(
    notifications.some((l) => l.startsWith(`${a.ref},gdpr,individuals,`) && l.includes(',not-required,')),
  ).toBe(true);
  expect(
    notifications.some((l) => l.startsWith(`${b.ref},ccpa,individuals,Cal. Civ. Code 1798.82(a),`)),
  ).toBe(true);
  expect(read('drills.csv').split('\r\n')[1]).toMatch(/^\d{4}-\d\d-\d\d,lost-backup,备份盘/);
  expect(JSON.parse(read('emergency-plan.json'))).toMatchObject({
    template: false,
    plan: { drillPeriodMonths: 6 },
  });
  expect(readFileSync(join(bag, 'data/incidents/emergency-plan.pdf')).subarray(0, 5).toString()).toBe(
    '%PDF-',
  );
  const contents = JSON.parse(readFileSync(join(bag, 'data/contents.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(contents).not.toHaveProperty('notYetRecorded');
  // The register holds counts and ids: none of the customers' values is in the section.
  const section = files
    .filter((f) => !f.endsWith('.pdf'))
    .map(read)
    .join('\n');
  for (const customer of v.customers)
    for (const value of [customer.row.name, customer.row.phone].filter(
      (x): x is string => !!x && x.length > 3,
    ))
      expect(section).not.toContain(value);
});
