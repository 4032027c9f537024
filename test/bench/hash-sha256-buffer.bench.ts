// hash.sha256-buffer: the same SHA-256 as hash.sha256, reading through one reused 1 MiB buffer
// (FileHandle.read) instead of a read stream, which allocates a fresh buffer per chunk. On this kind of VM
// first-touch memory is expensive (page faults), so the difference is worth knowing before backups and
// manifests pick one. Reference: `openssl dgst -sha256` on the same file.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { commandSide, defineBenchmark, nodeSide } from './harness';

interface State {
  file: string;
}

async function sha256File(file: string, limit = Infinity): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafeSlow(1 << 20);
  const handle = await open(file, 'r');
  try {
    for (let total = 0; total < limit;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

export default defineBenchmark<State>({
  name: 'hash.sha256-buffer',
  summary: 'SHA-256 of the generated CSV through one reused buffer vs openssl dgst',
  goal: {
    ratio: 1.5,
    note: '≤ 1.5× borrowed from the "backup + verify" goal (docs/BENCHMARKS.md), where node:crypto ≈ openssl',
  },
  async setup(ctx) {
    const data = await ctx.dataset();
    return { state: { file: data.path }, work: { amount: data.bytes, unit: 'bytes' } };
  },
  candidate: nodeSide<State>({
    label: 'closeout sha256 (reused 1 MiB buffer)',
    // As in hash.sha256: a long-lived engine has OpenSSL and this code path warm.
    prepare: async (s) => {
      await sha256File(s.file, 4 << 20);
    },
    run: (s) => sha256File(s.file),
  }),
  references: [
    commandSide<State>({
      label: 'openssl dgst -sha256',
      command: (s) => ['openssl', 'dgst', '-sha256', '-r', s.file],
      check: (_s, stdout) => stdout.trim().split(/\s+/)[0],
    }),
  ],
  verify(outputs) {
    const [candidate, reference] = Object.values(outputs);
    if (candidate !== reference || !/^[0-9a-f]{64}$/.test(candidate))
      throw new Error(`the sides disagree: ${JSON.stringify(outputs)}`);
  },
});
