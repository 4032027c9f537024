// A vault for the backup benchmarks: created through the engine (as the app makes them), then filled with
// N seeded customer rows in a table of their own (one transaction), checkpointed and closed. Cached per
// seed and size (and vault format: v2 since keyring v2 and recovery key v2), with its recovery key beside it.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../electron/core/host/in-process';
import { openVaultDatabase } from '../../electron/core/vault/database';
import { recoveryVaultKey } from '../../electron/core/vault/recovery-secret';
import { CUSTOMER_FIELDS, customerRows } from '../fixtures/customers';
import { commandSide, type SetupContext, type Side } from './harness';

export interface BenchVault {
  /** A working copy in this run's scratch folder (the cached original stays untouched). */
  file: string;
  recoveryKey: string;
  dataDir: string;
}

const TABLE = `CREATE TABLE bench_customers (id INTEGER PRIMARY KEY, ${CUSTOMER_FIELDS.map((f) => `${f} TEXT`).join(', ')})`;
const INSERT = `INSERT INTO bench_customers (${CUSTOMER_FIELDS.join(', ')}) VALUES (${CUSTOMER_FIELDS.map(() => '?').join(', ')})`;

export async function benchVault(ctx: SetupContext, name: string): Promise<BenchVault> {
  const cachedDir = await ctx.cached(
    `backup-vault-${ctx.generator}-s${ctx.seed}-r${ctx.rows}-v2`,
    async (dir) => {
      mkdirSync(dir, { recursive: true });
      const engine = createEngine({ dataDir: join(dir, 'data'), electronVersion: null });
      let recoveryKey: string;
      try {
        const created = await engine.call('vault.create', {
          file: { path: join(dir, 'bench.cvault') },
          details: { clientName: '基准测试有限公司', creditCode: null },
          owner: { name: 'owner', passphrase: 'Bench-owner-passphrase-2026!' },
        });
        if (!created.ok) throw new Error(`vault.create: ${created.error.message}`);
        recoveryKey = created.value.recoveryKey;
        await engine.call('vault.lock', {});
      } finally {
        await engine.close();
      }
      const db = openVaultDatabase(join(dir, 'bench.cvault'), recoveryVaultKey(recoveryKey));
      try {
        db.exec(TABLE);
        const insert = db.prepare(INSERT);
        db.transaction(() => {
          for (const row of customerRows(ctx.seed, ctx.rows)) insert.run(CUSTOMER_FIELDS.map((f) => row[f]));
        })();
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      writeFileSync(join(dir, 'recovery-key.txt'), recoveryKey);
      rmSync(join(dir, 'data'), { recursive: true, force: true });
    },
  );
  const work = join(ctx.scratchDir, name);
  mkdirSync(work, { recursive: true });
  const file = join(work, 'bench.cvault');
  if (!existsSync(file)) {
    copyFileSync(join(cachedDir, 'bench.cvault'), file);
    copyFileSync(join(cachedDir, 'bench.cvault.keys'), `${file}.keys`);
  }
  const recoveryKey = readFileSync(join(cachedDir, 'recovery-key.txt'), 'utf8').trim();
  return { file, recoveryKey, dataDir: join(work, 'data') };
}

const HASH_TOOLS = [
  { label: 'cp + sha256sum', hash: 'sha256sum "$2/copy"', prints: /^[0-9a-f]{64}\s/ },
  {
    label: 'cp + openssl dgst -sha256',
    hash: 'openssl dgst -sha256 "$2/copy"',
    prints: /= [0-9a-f]{64}\s*$/,
  },
];

/**
 * The backup benchmarks' references: `cp` + `sync` + `sha256sum` of `fileOf(state)` into `copyDir` (the
 * least any backup that checks its copy does; the ratio is against it), and the same with `openssl dgst`,
 * the faster hash. Each answers `ok` when its tool printed a digest.
 */
export function copyAndHashSides<S extends { copyDir: string }>(
  fileOf: (s: S) => string,
  ok: string,
): Side<S>[] {
  return HASH_TOOLS.map((tool) =>
    commandSide<S>({
      label: tool.label,
      before: (s) => {
        rmSync(s.copyDir, { recursive: true, force: true });
        mkdirSync(s.copyDir, { recursive: true });
      },
      command: (s) => [
        'sh',
        '-c',
        `cp "$1" "$2/copy" && sync "$2/copy" && ${tool.hash}`,
        'sh',
        fileOf(s),
        s.copyDir,
      ],
      check: (_s, stdout) => (tool.prints.test(stdout) ? ok : `unexpected: ${stdout}`),
    }),
  );
}
