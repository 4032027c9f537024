// hash.sha256: Closeout's streaming SHA-256 of a file (node:crypto over a read stream, the way backups and
// handover manifests hash) against `openssl dgst -sha256` (the fast reference) and `sha256sum`.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { commandSide, defineBenchmark, nodeSide } from './harness';

interface State {
  file: string;
}

/** The hash as a backup would compute it: one pass over a read stream, constant memory. */
async function sha256File(file: string, end?: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, end }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const firstWord = (_state: State, stdout: string) => stdout.trim().split(/\s+/)[0];

export default defineBenchmark<State>({
  name: 'hash.sha256',
  summary: 'streaming SHA-256 of the generated CSV vs openssl dgst and sha256sum',
  goal: {
    ratio: 1.5,
    note: '≤ 1.5× borrowed from the "backup + verify" goal (docs/BENCHMARKS.md), where node:crypto ≈ openssl',
  },
  async setup(ctx) {
    const data = await ctx.dataset();
    return { state: { file: data.path }, work: { amount: data.bytes, unit: 'bytes' } };
  },
  candidate: nodeSide<State>({
    label: 'closeout sha256 (node:crypto stream)',
    // The engine is a long-lived process: warm OpenSSL and the stream path on the first 4 MiB first.
    prepare: async (s) => {
      await sha256File(s.file, (4 << 20) - 1);
    },
    run: (s) => sha256File(s.file),
  }),
  references: [
    commandSide<State>({
      label: 'openssl dgst -sha256',
      command: (s) => ['openssl', 'dgst', '-sha256', '-r', s.file],
      check: firstWord,
    }),
    commandSide<State>({ label: 'sha256sum', command: (s) => ['sha256sum', s.file], check: firstWord }),
  ],
  verify(outputs) {
    const digests = new Set(Object.values(outputs));
    if (digests.size !== 1 || ![...digests][0].match(/^[0-9a-f]{64}$/))
      throw new Error(`the sides disagree: ${JSON.stringify(outputs)}`);
  },
});
