// Notices without PDF letters (`letters: 'none'`), as a sender to hundreds of thousands of customers
// issues them: the mail-merge CSV, the SMS texts and the announcement are written, every destined
// customer is tracked, and no PDF is written.
import { readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { unwrap } from '../../support/vault-fixture';
import {
  RECIPIENT,
  daysFromToday,
  handoverVault,
  recipientInput,
  AGREEMENT,
  type HandoverVault,
} from './handover-support';

jest.setTimeout(120_000);

let h: HandoverVault;
beforeAll(async () => {
  h = await handoverVault(120);
}, 120_000);
afterAll(() => h.v.remove());

const csvRows = (path: string) =>
  Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')).data.filter((r) => r.length > 1);

it("letters 'none': the CSV, SMS texts and announcement, every customer tracked, no PDF", async () => {
  const call = h.v.engine.call.bind(h.v.engine);
  const { handoverId } = unwrap(
    await call('handover.create', { recipient: recipientInput(), route: 'succession', keyMode: 'password' }),
  );
  unwrap(await call('handover.agreement', { handoverId, terms: AGREEMENT, signedOn: '2026-03-01' }));
  const written = unwrap(
    await call('handover.notices', {
      handoverId,
      out: { path: h.v.dir },
      letters: 'none',
      settings: {
        deadline: daysFromToday(7),
        afterClosureContact: '清算组 0571-12345678',
        reason: '公司解散',
      },
    }),
  );
  expect(written.customers).toBe(h.destined.length);
  expect(written.letters).toEqual([]);
  const files = readdirSync(written.dir).sort();
  expect(files).toEqual(['announcement.txt', 'mail-merge.csv', 'sms.csv']);
  expect(files.some((f) => f.endsWith('.pdf'))).toBe(false);
  const mail = csvRows(written.mailMerge);
  expect(mail.slice(1).map((r) => Number(r[0]))).toEqual(h.destined);
  expect(csvRows(written.sms).length - 1).toBe(written.smsParts);
  expect(written.smsParts).toBeGreaterThan(0);
  expect(readFileSync(written.announcement, 'utf8')).toContain(RECIPIENT);

  const tracked = unwrap(await call('handover.noticeList', { handoverId, limit: 500 }));
  expect(tracked.total).toBe(h.destined.length);
  expect(tracked.rows.map((r) => r.recordId).sort((a, b) => a - b)).toEqual(h.destined);
  const detail = unwrap(await call('handover.get', { handoverId }));
  expect(detail.notice?.deadline).toBe(daysFromToday(7));
  expect(readdirSync(h.v.dir).some((f) => f.endsWith('.partial'))).toBe(false);
});
