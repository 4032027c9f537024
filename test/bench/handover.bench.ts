// handover.package: Closeout's handover package of an N-customer vault (every record TRANSFER to one
// recipient; the handover brought to "ready" in setup as the integration tests do it: certificate route,
// agreement, vetting, PIPIA approved, notices issued with a deadline already past — as the mail-merge CSV,
// SMS texts and announcement only, `letters: 'none'`, as a sender to hundreds of thousands of customers
// issues them: a PDF letter each would take an hour or more at 1M), timed alone: the
// selection, the CSV, JSONL and summaries spooled, the BagIt manifests, tar, CMS SignedData and
// AuthEnvelopedData (AES-256-GCM) to the recipient's certificate, README, the transfer recorded. Against,
// in the same run: the engine's `records.export` of the same records to CSV, then `openssl cms -sign`
// and `openssl cms -encrypt -aes-256-gcm` to the same certificate as whole processes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFontDirectory } from '../../electron/core/documents/fonts';
import { createEngine, type EngineClient } from '../../electron/core/host/in-process';
import { generateRecipientKit } from '../../electron/core/pki';
import { openVaultDatabase } from '../../electron/core/vault/database';
import { recoveryVaultKey } from '../../electron/core/vault/recovery-secret';
import type { OpInput, OpName, OpResult } from '../../shared/contract';
import { generateCustomers } from '../fixtures/customers';
import { AGREEMENT } from '../fixtures/handover-agreement';
import { makeCompany, writeCompany } from '../integration/core/pki/openssl';
import { insertCustomers } from '../integration/support/records-fixture';
import { defineBenchmark, nodeSide, SkipBenchmark, type SetupContext } from './harness';

interface State {
  /** The cached vault with its handover ready, copied to `file` before every run. */
  master: string;
  file: string;
  recoveryKey: string;
  dataDir: string;
  handoverId: string;
  out: string;
  /** The recipient's certificate (PEM) and a sender's key and certificate for openssl. */
  recipient: string;
  senderCertificate: string;
  senderKey: string;
}

interface Ready {
  vault: string;
  recipient: string;
  recoveryKey: string;
  handoverId: string;
}

const RECIPIENT = '宁波承接贸易有限公司';
/** What travels on the succession route without a consent: not sensitive, not a minor. */
const TRAVELS = { disposition: 'TRANSFER', flags: { sensitive: false, minor: false } } as const;

/** One engine call; throws on an error result. */
async function call<K extends OpName>(engine: EngineClient, op: K, input: OpInput<K>): Promise<OpResult<K>> {
  const result = await engine.call(op, input);
  if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
  return result.value;
}

/**
 * N generated customers, every one TRANSFER to RECIPIENT, with the handover brought to "ready" (the
 * recipient's certificate beside the vault). Cached per generator, seed and size (building it takes
 * minutes at 100k records), and no run changes the cached copy.
 */
async function readyVault(ctx: SetupContext): Promise<Ready> {
  const dir = await ctx.cached(`handover-ready-${ctx.generator}-s${ctx.seed}-r${ctx.rows}`, async (tmp) => {
    mkdirSync(tmp, { recursive: true });
    ctx.log(`building a ${ctx.rows.toLocaleString('en')}-customer vault into the cache…`);
    const vault = join(tmp, 'bench.cvault');
    const dataDir = join(tmp, 'data');
    let engine = createEngine({ dataDir, electronVersion: null });
    let recoveryKey: string;
    try {
      recoveryKey = (
        await call(engine, 'vault.create', {
          file: { path: vault },
          details: { clientName: '基准测试有限公司', creditCode: null },
          owner: { name: 'owner', passphrase: 'Bench-owner-passphrase-2026!' },
        })
      ).recoveryKey;
      await engine.call('vault.lock', {});
    } finally {
      await engine.close();
    }
    const db = openVaultDatabase(vault, recoveryVaultKey(recoveryKey));
    try {
      insertCustomers(db, generateCustomers(ctx.seed, ctx.rows));
      db.prepare(`UPDATE customers SET disposition = 'TRANSFER', disposition_recipient = ?`).run(RECIPIENT);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    const kit = await generateRecipientKit({ organisation: RECIPIENT, creditCode: '91330212MA2H8N1Q51' });
    writeFileSync(join(tmp, 'recipient.pem'), kit.certificatePem);
    ctx.log('bringing the handover to "ready" (agreement, PIPIA, notices)…');
    engine = createEngine({ dataDir, electronVersion: null });
    try {
      await call(engine, 'vault.unlock', { vault: { path: vault }, recoveryKey });
      const handoverId = await readyHandover(engine, join(tmp, 'recipient.pem'), join(tmp, 'notices'));
      await engine.call('vault.lock', {});
      writeFileSync(join(tmp, 'handover-id.txt'), handoverId);
    } finally {
      await engine.close();
    }
    writeFileSync(join(tmp, 'recovery-key.txt'), recoveryKey);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(tmp, 'notices'), { recursive: true, force: true });
  });
  const text = (name: string) => readFileSync(join(dir, name), 'utf8').trim();
  return {
    vault: join(dir, 'bench.cvault'),
    recipient: join(dir, 'recipient.pem'),
    recoveryKey: text('recovery-key.txt'),
    handoverId: text('handover-id.txt'),
  };
}

/**
 * Any PDF the engine writes (none in this setup, with `letters: 'none'`) takes its fonts from the checkout's
 * node_modules, which the bundled harness does not resolve from its temporary folder, so they are linked
 * into one flat folder (as the packaged app has).
 */
function useCheckoutFonts(root: string, dir: string): void {
  const fonts = dirname(
    createRequire(join(root, 'package.json')).resolve('@expo-google-fonts/noto-sans-sc/package.json'),
  );
  mkdirSync(dir, { recursive: true });
  for (const file of ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf'])
    symlinkSync(join(fonts, file), join(dir, file.split('/')[1]));
  setFontDirectory(dir);
}

function copyVault(from: string, to: string): void {
  copyFileSync(from, to);
  copyFileSync(`${from}.keys`, `${to}.keys`);
}

async function unlocked(s: State): Promise<EngineClient> {
  const engine = createEngine({ dataDir: s.dataDir, electronVersion: null });
  await call(engine, 'vault.unlock', { vault: { path: s.file }, recoveryKey: s.recoveryKey });
  return engine;
}

/** Brings a handover to "ready", as test/integration/core/handover/handover-support.ts readyHandover does. */
async function readyHandover(engine: EngineClient, recipient: string, notices: string): Promise<string> {
  const { handoverId } = await call(engine, 'handover.create', {
    recipient: {
      organisation: RECIPIENT,
      creditCode: '91330212MA2H8N1Q51',
      contactPerson: '王经理',
      contact: '0574-87654321',
      address: '浙江省宁波市鄞州区示例路 8 号',
      country: 'CN',
    },
    route: 'succession',
    reasoning: '公司解散，业务由接收方承继（第二十二条）',
    keyMode: 'certificate',
    certificate: { file: { path: recipient } },
  });
  await call(engine, 'handover.agreement', {
    handoverId,
    terms: AGREEMENT,
    signedOn: '2026-03-01',
  });
  for (const item of ['licence', 'security', 'incidents', 'dpo'] as const)
    await call(engine, 'handover.vetting', { handoverId, item, done: true, note: '已核实' });
  await call(engine, 'handover.pipia', {
    handoverId,
    answers: {
      necessity: '承继业务所必需',
      conclusion: '风险可控，同意移交',
      custodian: '清算组 张会计',
      residualRisk: 'low',
    },
    approve: true,
  });
  mkdirSync(notices, { recursive: true });
  await call(engine, 'handover.notices', {
    handoverId,
    out: { path: notices },
    letters: 'none',
    settings: { deadline: '2026-01-01', afterClosureContact: '清算组 0571-12345678', reason: '公司解散' },
  });
  return handoverId;
}

function opensslRun(args: string[]): void {
  const res = spawnSync('openssl', args, { encoding: 'utf8' });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`openssl ${args[0]} ${args[1]}: ${res.stderr.trim().slice(-400)}`);
}

export default defineBenchmark<State>({
  name: 'handover.package',
  summary:
    'a handover package (BagIt → tar → CMS sign → CMS encrypt) of an N-record vault vs records.export CSV + openssl cms -sign + -encrypt',
  goal: { ratio: 1.5, note: 'handover package ≤ 1.5× CSV export + openssl cms -sign + cms -encrypt' },
  async setup(ctx) {
    if (spawnSync('openssl', ['version']).status !== 0) throw new SkipBenchmark('openssl is not on PATH');
    const work = join(ctx.scratchDir, 'handover');
    mkdirSync(work, { recursive: true });
    useCheckoutFonts(ctx.root, join(work, 'fonts'));
    const ready = await readyVault(ctx);
    const sender = join(work, 'sender');
    mkdirSync(sender);
    writeCompany(sender, await makeCompany('外部发送方有限公司'));
    const state: State = {
      master: ready.vault,
      file: join(work, 'bench.cvault'),
      recoveryKey: ready.recoveryKey,
      dataDir: join(work, 'data'),
      handoverId: ready.handoverId,
      out: join(work, 'out'),
      recipient: ready.recipient,
      senderCertificate: join(sender, 'user.pem'),
      senderKey: join(sender, 'user.key'),
    };
    return { state, work: { amount: ctx.rows, unit: 'rows' } };
  },
  candidate: nodeSide<State, EngineClient>({
    label: 'closeout handover.package (GCM)',
    before: (s) => {
      copyVault(s.master, s.file);
      rmSync(s.out, { recursive: true, force: true });
      mkdirSync(s.out, { recursive: true });
    },
    prepare: unlocked,
    async run(s, engine) {
      const built = await call(engine, 'handover.package', {
        handoverId: s.handoverId,
        out: { path: s.out },
      });
      return `${built.records} records`;
    },
    dispose: (_s, engine) => engine.close(),
  }),
  references: [
    nodeSide<State, EngineClient>({
      label: 'records.export CSV + openssl cms -sign + -encrypt',
      before: (s) => {
        copyVault(s.master, s.file);
        rmSync(s.out, { recursive: true, force: true });
        mkdirSync(s.out, { recursive: true });
      },
      prepare: unlocked,
      async run(s, engine) {
        const csv = join(s.out, 'records.csv');
        const exported = await call(engine, 'records.export', {
          format: 'csv',
          filter: TRAVELS,
          file: { path: csv },
        });
        const signed = join(s.out, 'records.p7s');
        // prettier-ignore
        opensslRun([
          'cms', '-sign', '-binary', '-nodetach', '-in', csv, '-signer', s.senderCertificate,
          '-inkey', s.senderKey, '-outform', 'DER', '-out', signed,
        ]);
        // prettier-ignore
        opensslRun([
          'cms', '-encrypt', '-binary', '-aes-256-gcm', '-in', signed, '-outform', 'DER',
          '-out', join(s.out, 'records.p7m'), s.recipient,
        ]);
        if (statSync(join(s.out, 'records.p7m')).size === 0) throw new Error('openssl wrote nothing');
        return `${exported.count} records`;
      },
      dispose: (_s, engine) => engine.close(),
    }),
  ],
  verify(outputs) {
    const [first, ...rest] = Object.values(outputs);
    if (!/^[1-9]\d* records$/.test(first) || rest.some((o) => o !== first))
      throw new Error(`the sides disagree on the records: ${JSON.stringify(outputs)}`);
  },
});
