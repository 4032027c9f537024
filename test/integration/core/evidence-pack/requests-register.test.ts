// The requests register as evidence, on a real vault: the checklist items on data subjects' rights follow
// the register (an overdue PIPL request fails by its reference; a GDPR request answered in time passes;
// no CCPA request is not applicable), and the evidence pack carries the register as JSON and CSV, checked
// with openssl, tar and sha256sum — and no customer value beyond what the register holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist } from '../../../../shared/contract';
import { closureVault, type ClosureFixture } from '../../support/closure-fixture';
import { checkPackWithDebianTools } from '../../support/openssl';

jest.setTimeout(180_000);

let v: ClosureFixture;
let companyPem: string;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  v = await closureVault(40, 4450);
  await v.call('compliance.setApplicability', { pipl: true, gdpr: true, ccpa: true, iso27001: false });
  const exported = await v.call('audit.export', { dir: { path: join(v.elsewhere, 'audit') } });
  companyPem = exported.files.find((f) => f.endsWith('.certificate.pem'))!;
});
afterAll(() => v.remove());

const item = (c: Checklist, id: string) => c.items.find((i) => i.id === id)!;

it('evaluates the rights items from the register, then packs the register', async () => {
  let c = await v.call('compliance.checklist', {});
  for (const id of ['pipl-44-50-rights', 'gdpr-12-rights', 'ccpa-130-requests'])
    expect([id, item(c, id).status]).toEqual([id, 'not-applicable']);
  expect(item(c, 'pipl-44-50-rights').evidence.en).toContain('holds no PIPL request received');

  const overdue = await v.call('requests.add', {
    kind: 'access',
    regime: 'pipl',
    receivedOn: daysAgo(60),
    recordId: 1,
    note: '要求查阅',
  });
  const answered = await v.call('requests.add', { kind: 'delete', regime: 'gdpr', receivedOn: daysAgo(2) });
  await v.call('requests.close', { id: answered.ref, outcome: 'granted' });

  c = await v.call('compliance.checklist', {});
  expect(item(c, 'pipl-44-50-rights').status).toBe('not-met');
  expect(item(c, 'pipl-44-50-rights').evidence.en).toContain(`${overdue.ref} (due ${overdue.due.date})`);
  expect(item(c, 'gdpr-12-rights')).toMatchObject({ status: 'met' });
  expect(item(c, 'gdpr-12-rights').evidence.en).toContain('1 received, every one answered in time');
  expect(item(c, 'ccpa-130-requests').status).toBe('not-applicable');

  const pack = await v.call('evidence.pack', { dir: { path: join(v.elsewhere, 'out') } });
  const { bag, sha256sum } = checkPackWithDebianTools(pack.path, join(v.elsewhere, 'unpacked'), companyPem);
  expect(sha256sum).toContain('data/requests/register.json: OK');
  expect(sha256sum).toContain('data/requests/register.csv: OK');
  const register = JSON.parse(readFileSync(join(bag, 'data/requests/register.json'), 'utf8')) as {
    format: string;
    requests: Array<{ ref: string; status: string; outcome: string | null; due: { date: string } }>;
  };
  expect(register.format).toBe('closeout-requests-register');
  expect(register.requests.map((r) => [r.ref, r.status, r.outcome, r.due.date])).toEqual([
    [overdue.ref, 'open', null, overdue.due.date],
    [answered.ref, 'closed', 'granted', answered.due.date],
  ]);
  const csv = readFileSync(join(bag, 'data/requests/register.csv'), 'utf8').split('\r\n');
  expect(csv[0]).toBe(
    '\uFEFFref,kind,regime,channel,received_on,record,identity_check,due,due_basis,days_left,extended,status,outcome,closed_at,answered_in_time,action,note',
  );
  expect(csv[1]).toMatch(new RegExp(`^${overdue.ref},access,pipl,other,${daysAgo(60)},1,not-checked,`));
  expect(csv[2]).toMatch(new RegExp(`^${answered.ref},delete,gdpr,.*,closed,granted,.*,true,,$`));
  // The register names record 1 by its number only: none of the customers' values is in the section.
  const section = readFileSync(join(bag, 'data/requests/register.json'), 'utf8') + csv.join('\n');
  for (const customer of v.customers.slice(0, 20))
    for (const value of [customer.row.name, customer.row.phone].filter(
      (x): x is string => !!x && x.length > 3,
    ))
      expect(section).not.toContain(value);
  const contents = JSON.parse(readFileSync(join(bag, 'data/contents.json'), 'utf8')) as {
    notYetRecorded: Array<{ section: string }>;
  };
  expect(contents.notYetRecorded.map((n) => n.section)).not.toContain('requests');
});
