// Vaults written before an operation was renamed keep its old name in their audit entries (the hash chain
// covers it): the chain still verifies, audit.list filtered by today's name finds them, and lists them
// exactly as recorded.
import { join } from 'node:path';
import { createEngine, type EngineClient } from '../../../../electron/core/host/in-process';
import { tempDir } from '../../helpers';
import { makeLegacyVault } from '../../support/legacy-vault';
import { unwrap } from '../../support/vault-fixture';

const PASS = 'Legacy-owner-passphrase-1';
let dir: ReturnType<typeof tempDir>;
let engine: EngineClient;
beforeAll(async () => {
  dir = tempDir('closeout-renamed-ops-');
  // A vault as an earlier Closeout wrote it, with a merge recorded under the operation's old name.
  const legacy = await makeLegacyVault(
    join(dir.path, 'old.cvault'),
    [{ name: 'owner', role: 'owner', passphrase: PASS }],
    3,
    4,
    [{ op: 'dedupe.merge', params: { mergeId: 7 }, outcome: 'ok' }],
  );
  engine = createEngine({ dataDir: join(dir.path, 'data'), electronVersion: null });
  unwrap(
    await engine.call('vault.unlock', { vault: { path: legacy.file }, userName: 'owner', passphrase: PASS }),
  );
}, 120_000);
afterAll(async () => {
  await engine.close();
  dir.remove();
});

test('the filter by the new name finds the entry recorded under the old one, shown as recorded', async () => {
  const found = unwrap(await engine.call('audit.list', { op: 'duplicates.merge' }));
  expect(found.map((e) => [e.op, e.params])).toEqual([['dedupe.merge', { mergeId: 7 }]]);
  expect(unwrap(await engine.call('audit.list', { op: 'dedupe.merge' }))).toHaveLength(1);
  expect(unwrap(await engine.call('audit.list', { op: 'duplicates.run' }))).toHaveLength(0);
});

test('the chain with the old name still verifies', async () => {
  expect(unwrap(await engine.call('audit.verify', {}))).toMatchObject({ ok: true, firstProblem: null });
});
