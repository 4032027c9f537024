// wipe.records: Closeout's records wipe of one customer in ten (100k of 1M at --rows 1000000) — targets,
// deletion manifest, sealed probe, the purge of every copy in one transaction, VACUUM, every page decrypted
// and searched, the signed certificate — against a plain DELETE + VACUUM (secure_delete on) of the same
// rows and their search index in a plain (unencrypted) SQLite database with the same data and schema.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type EngineClient } from '../../electron/core/host/in-process';
import Database from 'better-sqlite3-multiple-ciphers';
import { defineBenchmark, nodeSide } from './harness';
import { copyVault, plainCopy, wipeBenchVault, type WipeBenchVault } from './wipe-vault';

interface State {
  cached: WipeBenchVault;
  /** The two TTFs side by side: the bundled benchmark finds no node_modules of its own. */
  fontsDir: string;
  work: string;
  plainDir: string;
  destroy: number;
}

export default defineBenchmark<State>({
  name: 'wipe.records',
  summary:
    'wipe one record in ten (purge, VACUUM, page verification, certificate) vs sqlite3 DELETE + VACUUM',
  async setup(ctx) {
    const cached = await wipeBenchVault(ctx);
    const fontsDir = join(ctx.scratchDir, 'fonts');
    mkdirSync(fontsDir, { recursive: true });
    const fonts = join(ctx.root, 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
    for (const weight of ['400Regular', '700Bold'])
      copyFileSync(
        join(fonts, weight, `NotoSansSC_${weight}.ttf`),
        join(fontsDir, `NotoSansSC_${weight}.ttf`),
      );
    return {
      state: {
        fontsDir,
        cached,
        work: join(ctx.scratchDir, 'wipe-records'),
        plainDir: join(ctx.scratchDir, 'wipe-records-plain'),
        destroy: Math.floor(ctx.rows / 10),
      },
      work: { amount: Math.floor(ctx.rows / 10), unit: 'rows' },
    };
  },
  candidate: nodeSide<State, EngineClient>({
    label: 'closeout wipe records',
    before: (s) => void copyVault(s.cached, s.work),
    async prepare(s) {
      const engine = createEngine({
        dataDir: join(s.work, 'data'),
        electronVersion: null,
        fontsDir: s.fontsDir,
      });
      const opened = await engine.call('vault.unlock', {
        vault: { path: join(s.work, 'bench.cvault') },
        recoveryKey: s.cached.recoveryKey,
      });
      if (!opened.ok) throw new Error(`unlock: ${opened.error.message}`);
      mkdirSync(join(s.work, 'certificates'), { recursive: true });
      return engine;
    },
    async run(s, engine) {
      const result = await engine.call('wipe.records', {
        certificateDir: { path: join(s.work, 'certificates') },
      });
      if (!result.ok) throw new Error(`wipe.records: ${result.error.code} ${result.error.message}`);
      if (!result.value.verification?.ok) throw new Error('verification failed');
      return String(result.value.purged.records);
    },
    dispose: (_s, engine) => engine.close(),
  }),
  references: [
    // Debian's sqlite3 CLI predates the FTS5 options of the vault's schema: the same SQLite library that
    // Closeout uses, without encryption, runs the plain DELETE + VACUUM.
    nodeSide<State, Database.Database>({
      label: 'plain SQLite DELETE + VACUUM',
      before: (s) => {
        rmSync(s.plainDir, { recursive: true, force: true });
        plainCopy(s.cached, s.plainDir);
      },
      prepare: (s) => new Database(join(s.plainDir, 'plain.db')),
      run(_s, db) {
        db.pragma('secure_delete = ON');
        const deleted = db.transaction(() => {
          db.prepare(
            `DELETE FROM customers_fts WHERE rowid IN (SELECT id FROM customers WHERE disposition = 'DESTROY')`,
          ).run();
          return db.prepare(`DELETE FROM customers WHERE disposition = 'DESTROY'`).run().changes;
        })();
        db.exec('VACUUM');
        return String(deleted);
      },
      dispose: (_s, db) => void db.close(),
    }),
  ],
  verify(outputs, s) {
    for (const [label, out] of Object.entries(outputs))
      if (out !== String(s.destroy)) throw new Error(`${label}: ${out} records, expected ${s.destroy}`);
  },
});
