// A growing wait after repeated wrong passphrases for one vault: the first 3 attempts are free, then
// 2, 4, 8 … up to 60 s between attempts. Kept in the engine's memory (the KDF already costs every
// guess ≥ 0.25 s; this stops a person or a script hammering the unlock screen).
import { EngineError } from '../kernel/engine-error';

const FREE_ATTEMPTS = 3;
const MAX_WAIT_S = 60;

export class UnlockThrottle {
  private readonly state = new Map<string, { failures: number; notBefore: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  check(vault: string): void {
    const s = this.state.get(vault);
    if (s && s.notBefore > this.clock())
      throw new EngineError('UNLOCK_THROTTLED', { seconds: Math.ceil((s.notBefore - this.clock()) / 1000) });
  }

  failed(vault: string): void {
    const failures = (this.state.get(vault)?.failures ?? 0) + 1;
    const wait = failures < FREE_ATTEMPTS ? 0 : Math.min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_WAIT_S);
    this.state.set(vault, { failures, notBefore: this.clock() + wait * 1000 });
  }

  succeeded(vault: string): void {
    this.state.delete(vault);
  }
}
