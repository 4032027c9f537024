// Cryptographic erase (destroy every key slot and the keyring file, close the session and zero its key)
// of a vault of N records, against the same erase of a 10 000-record vault: flat in size (the vault's
// pages are not touched), under a second either way.
import { join } from 'node:path';
import { UnlockThrottle } from '../../electron/core/vault/unlock-throttle';
import { unlockVault } from '../../electron/core/vault/unlock-vault';
import type { OpenVault } from '../../electron/core/vault/open-vault';
import { cryptoErase } from '../../electron/core/wipe/crypto-erase';
import type { Journal } from '../../electron/core/wipe/journal';
import { bareJournal } from '../integration/support/wipe-journal';
import { defineBenchmark, nodeSide } from './harness';
import { copyVault, wipeBenchVault, type WipeBenchVault } from './wipe-vault';

interface State {
  large: WipeBenchVault;
  small: WipeBenchVault;
  scratch: string;
}

interface Prepared {
  vault: OpenVault;
  journal: Journal;
}

function side(which: 'large' | 'small', label: string) {
  const dir = (s: State) => join(s.scratch, `erase-${which}`);
  return nodeSide<State, Prepared>({
    label,
    before: (s) => void copyVault(s[which], dir(s)),
    async prepare(s) {
      const file = join(dir(s), 'bench.cvault');
      const vault = await unlockVault(
        { vault: { path: file }, recoveryKey: s[which].recoveryKey },
        join(dir(s), 'data'),
        new UnlockThrottle(),
      );
      const journal = bareJournal(join(dir(s), 'data'), {
        wipeId: '00000000-0000-4000-8000-0000000be7c4',
        kind: 'vault',
        vaultId: vault.vaultId,
        vaultFile: file,
        certificateDir: dir(s),
      });
      return { vault, journal };
    },
    run(_s, { vault, journal }) {
      const report = cryptoErase(vault.file, journal, () => {
        vault.close();
        return !vault.isOpen;
      });
      if (!report.keyringGone || !report.sessionClosed) throw new Error('a key copy survived');
      return 'erased';
    },
  });
}

export default defineBenchmark<State>({
  name: 'wipe.crypto-erase',
  summary: 'cryptographic erase of an N-record vault vs the same of a 10 000-record vault (flat in size)',
  goal: { ratio: 2, note: 'crypto-erase < 1 s at any size: same order of time at 10k and at N records' },
  async setup(ctx) {
    return {
      state: {
        large: await wipeBenchVault(ctx),
        small: await wipeBenchVault(ctx, 10_000),
        scratch: ctx.scratchDir,
      },
      work: { amount: ctx.rows, unit: 'rows' },
    };
  },
  candidate: side('large', 'crypto-erase, N records'),
  references: [side('small', 'crypto-erase, 10 000 records')],
  verify(outputs) {
    for (const [label, out] of Object.entries(outputs))
      if (out !== 'erased') throw new Error(`${label}: ${out}`);
  },
});
