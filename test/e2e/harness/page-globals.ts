// What the harness adds to the page's window: the bridge (as the preload would) and the bindings behind it.
import type { CloseoutBridge } from '../../../shared/bridge';
import type { CallOptions, ChosenFile } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { EventBatch } from './event-channel';

export interface CspViolationReport {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
}

export interface HarnessWindow {
  /** What the app sees, as electron/preload.ts exposes it, plus the test operation of the test engine. */
  readonly closeout: CloseoutBridge & {
    readonly 'test.count': (
      input: { total: number; stepMs?: number },
      options?: CallOptions,
    ) => Promise<Result<{ counted: number }>>;
  };
  /** Playwright bindings installed by fixtures.ts. */
  __closeoutInvoke(op: string, input: unknown, options?: CallOptions): Promise<unknown>;
  __closeoutNextEvents(): Promise<EventBatch>;
  __closeoutCspViolation(report: CspViolationReport): Promise<void>;
  /** A File dropped onto the page, by name: answered from the test's dialogs.next() queue. */
  __closeoutDrop(name: string): Promise<Result<ChosenFile | null>>;
}
