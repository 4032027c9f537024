// A growing wait after repeated wrong passphrases for one vault: the first 3 attempts are free, then
// 2, 4, 8 … up to 60 s between attempts. Kept per vault id, in the engine's memory and in a small side
// file beside the vault's real path (`<vault>.keys.state`, symlinks resolved), so a new CLI process or
// a second path to the same file shares it. The side file is not authenticated: deleting it resets the
// wait, never the KDF cost of each guess (docs/THREAT-MODEL.md).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { z } from 'zod';
import { EngineError } from '../kernel/engine-error';
import { writeFileAtomic } from '../util/atomic-write';

const FREE_ATTEMPTS = 3;
const MAX_WAIT_S = 60;

const stateSchema = z.object({
  format: z.literal('closeout-unlock-state'),
  version: z.literal(1),
  vaults: z.record(z.string(), z.object({ failures: z.int().nonnegative(), notBefore: z.number() })),
});
type State = z.infer<typeof stateSchema>['vaults'];

/** Which vault, and where its shared state lives (null: memory only). */
export interface ThrottleKey {
  id: string;
  stateFile: string | null;
}

/** The state file for a vault file: beside its real path, so every path to it agrees. */
export function throttleKeyFor(vaultFile: string, vaultId: string | null): ThrottleKey {
  let real = vaultFile;
  try {
    real = realpathSync(vaultFile);
  } catch {
    /* a missing file is reported by the caller */
  }
  return { id: vaultId ?? `path:${real}`, stateFile: `${real}.keys.state` };
}

function readState(file: string | null): State {
  if (!file || !existsSync(file)) return {};
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.vaults : {};
  } catch {
    return {};
  }
}

function writeState(file: string | null, state: State): void {
  if (!file) return;
  try {
    writeFileAtomic(
      file,
      JSON.stringify({ format: 'closeout-unlock-state', version: 1, vaults: state }) + '\n',
      0o600,
    );
  } catch {
    // A read-only folder (a vault on write-protected media) keeps the wait in memory only.
  }
}

export class UnlockThrottle {
  private readonly state = new Map<string, { failures: number; notBefore: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  private current(key: ThrottleKey) {
    const memory = this.state.get(key.id);
    const disk = readState(key.stateFile)[key.id];
    if (!memory) return disk;
    if (!disk) return memory;
    return {
      failures: Math.max(memory.failures, disk.failures),
      notBefore: Math.max(memory.notBefore, disk.notBefore),
    };
  }

  check(key: ThrottleKey): void {
    const s = this.current(key);
    if (s && s.notBefore > this.clock())
      throw new EngineError('UNLOCK_THROTTLED', { seconds: Math.ceil((s.notBefore - this.clock()) / 1000) });
  }

  failed(key: ThrottleKey): void {
    const failures = (this.current(key)?.failures ?? 0) + 1;
    const wait = failures < FREE_ATTEMPTS ? 0 : Math.min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_WAIT_S);
    const next = { failures, notBefore: this.clock() + wait * 1000 };
    this.state.set(key.id, next);
    writeState(key.stateFile, { ...readState(key.stateFile), [key.id]: next });
  }

  succeeded(key: ThrottleKey): void {
    this.state.delete(key.id);
    const disk = readState(key.stateFile);
    if (key.id in disk) {
      delete disk[key.id];
      writeState(key.stateFile, disk);
    }
  }
}
