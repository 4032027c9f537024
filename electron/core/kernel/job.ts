// What a job operation gets from the runner: its id, a cancel signal, progress and checkpoints. The
// runner itself (the queue, the events) belongs to the engine in core/host; features see only this.
export interface JobContext {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Report progress; cheap to call on every row, the runner throttles. */
  progress(done: number, total?: number | null, phase?: string): void;
  /** Yields to the event loop (so cancel messages arrive) and throws CANCELLED once cancelled. */
  checkpoint(): Promise<void>;
}
