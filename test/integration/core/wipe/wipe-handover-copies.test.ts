// A records wipe after a handover: a destroyed customer's notice, responses (with the note taken down)
// and the package's record of carrying them are gone; a retained customer's stay as they were. The real
// engine, a real handover brought to a package, the vault read back raw.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { withRawVault } from '../backup/backup-support';
import { handoverVault, readyHandover, type HandoverVault } from '../handover/handover-support';
import { unwrap } from '../../support/vault-fixture';
import { decryptVault } from '../../support/wipe-fixture';

jest.setTimeout(180_000);

let h: HandoverVault;
beforeAll(async () => {
  h = await handoverVault(12, 1); // every record destined to the recipient
});
afterAll(() => h.v.remove());

type Copies = { notices: number; responses: number; carried: number };

async function copiesOf(ids: number[]): Promise<Map<number, Copies>> {
  return withRawVault(h.v, (db) => {
    const count = (table: string, id: number) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE customer_id = ?`).get(id) as { n: number }).n;
    return new Map(
      ids.map((id) => [
        id,
        {
          notices: count('handover_notices', id),
          responses: count('handover_responses', id),
          carried: count('handover_records', id),
        },
      ]),
    );
  });
}

test("a destroyed customer's notices, responses and package selection go; a retained customer's stay", async () => {
  const call = h.v.engine.call.bind(h.v.engine);
  const [destroyedCarried, destroyedObjector, keptCarried, keptObjector] = h.destined;
  const handoverId = await readyHandover(h.v, { keyMode: 'password' });
  const notes = {
    [destroyedObjector]: '电话反对转移：记录编号甲-待销毁-4471',
    [keptObjector]: '书面反对转移：记录编号乙-保留-9902',
  };
  for (const id of [destroyedObjector, keptObjector])
    unwrap(await call('handover.respond', { handoverId, recordId: id, kind: 'objection', note: notes[id] }));
  for (const id of [destroyedCarried, keptCarried])
    // a consent: carried whatever the record holds
    unwrap(await call('handover.respond', { handoverId, recordId: id, kind: 'consent' }));
  unwrap(
    await call('handover.package', {
      handoverId,
      out: { path: h.v.dir },
      password: '西湖-package-2026',
    }),
  );

  const before = await copiesOf([destroyedCarried, destroyedObjector, keptCarried, keptObjector]);
  expect(before.get(destroyedCarried)).toEqual({ notices: 1, responses: 1, carried: 1 });
  expect(before.get(destroyedObjector)).toEqual({ notices: 1, responses: 1, carried: 0 });
  expect(before.get(keptCarried)).toEqual({ notices: 1, responses: 1, carried: 1 });
  expect(before.get(keptObjector)).toEqual({ notices: 1, responses: 1, carried: 0 });

  unwrap(
    await call('dispositions.set', {
      ids: [destroyedCarried, destroyedObjector],
      set: { disposition: 'DESTROY' },
    }),
  );
  unwrap(
    await call('dispositions.set', {
      ids: [keptCarried, keptObjector],
      set: { disposition: 'RETAIN', basis: '争议未决 dispute pending', retainUntil: '2031-06-30' },
    }),
  );
  const certificateDir = join(h.v.dir, 'certificates');
  mkdirSync(certificateDir);
  const result = unwrap(await call('wipe.records', { certificateDir: { path: certificateDir } }));
  expect(result.verification?.ok).toBe(true);
  expect(result.purged.copies).toMatchObject({
    handover_notices: 2,
    handover_responses: 2,
    handover_records: 1,
  });

  const after = await copiesOf([destroyedCarried, destroyedObjector, keptCarried, keptObjector]);
  expect(after.get(destroyedCarried)).toEqual({ notices: 0, responses: 0, carried: 0 });
  expect(after.get(destroyedObjector)).toEqual({ notices: 0, responses: 0, carried: 0 });
  expect(after.get(keptCarried)).toEqual(before.get(keptCarried));
  expect(after.get(keptObjector)).toEqual(before.get(keptObjector));

  const pages = decryptVault(h.v.file, recoveryVaultKey(h.v.created.recoveryKey));
  expect(pages.includes(Buffer.from(notes[destroyedObjector]))).toBe(false);
  expect(pages.includes(Buffer.from(notes[keptObjector]))).toBe(true);
});
