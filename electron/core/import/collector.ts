// Where every reader puts what it read: rows to deliver, problems, blank rows and notes, with the counts
// that prove nothing was lost (rowsRead === rowsEmitted + rowsRejected). Rows wait in a small outbox that
// the reader drains between chunks, awaiting the consumer (back-pressure: the next chunk is read only once
// the consumer has taken the last one) and calling job.checkpoint() every few thousand rows.
import type { JobContext } from '../kernel/job';
import type {
  Note,
  NoteKind,
  ProblemKind,
  ReadOptions,
  ReadResult,
  RowProblem,
  RowSink,
  SourceFormat,
  SourceRow,
} from './types';

const CHECKPOINT_EVERY = 4096;
const KEPT_RAW = 1024;

export class RowCollector {
  readonly result: ReadResult;
  private readonly outbox: SourceRow[] = [];
  private readonly problemOutbox: RowProblem[] = [];
  private readonly maxRows: number;
  private readonly maxProblems: number;
  private sinceCheckpoint = 0;
  /** True once maxRows rows are out and more input was seen: the reader should stop. */
  done = false;

  constructor(
    format: SourceFormat,
    bytes: number,
    private readonly options: ReadOptions,
    private readonly onRow: RowSink,
    private readonly job: JobContext | undefined,
  ) {
    this.maxRows = options.maxRows ?? Infinity;
    this.maxProblems = options.maxProblems ?? 1000;
    this.result = {
      format,
      bytes,
      headers: [],
      headerRow: 0,
      rowsRead: 0,
      rowsEmitted: 0,
      rowsRejected: 0,
      rowsFlagged: 0,
      blankRows: 0,
      problems: [],
      problemsOmitted: 0,
      notes: [],
      truncated: false,
    };
  }

  /** False (and the read is marked truncated) once the preview has all the rows it asked for. */
  private admit(): boolean {
    if (this.done) return false;
    if (this.result.rowsEmitted + this.result.rowsRejected < this.maxRows) return true;
    this.done = true;
    this.result.truncated = true;
    return false;
  }

  emit(row: SourceRow, problem?: { kind: ProblemKind; reason: string }): void {
    if (!this.admit()) return;
    const r = this.result;
    r.rowsRead++;
    r.rowsEmitted++;
    if (problem) {
      row.problem = problem.kind;
      r.rowsFlagged++;
      this.problem({
        line: row.line,
        sheet: row.sheet,
        kind: problem.kind,
        reason: problem.reason,
        emitted: true,
      });
    }
    this.outbox.push(row);
  }

  reject(line: number, kind: ProblemKind, reason: string, raw: string, sheet?: string): void {
    if (!this.admit()) return;
    this.result.rowsRead++;
    this.result.rowsRejected++;
    this.problem({ line, sheet, kind, reason, emitted: false, raw });
  }

  blank(): void {
    if (!this.done) this.result.blankRows++;
  }

  note(kind: NoteKind, message: string): void {
    const notes: Note[] = this.result.notes;
    if (!notes.some((n) => n.kind === kind && n.message === message)) notes.push({ kind, message });
  }

  private problem(p: RowProblem): void {
    if (this.options.onProblem) this.problemOutbox.push(p);
    if (this.result.problems.length < this.maxProblems) {
      const kept =
        p.raw !== undefined && p.raw.length > KEPT_RAW ? { ...p, raw: p.raw.slice(0, KEPT_RAW) } : p;
      this.result.problems.push(kept);
    } else this.result.problemsOmitted++;
  }

  /** Delivers what is waiting, in order; yields to the job runner (and honours a cancel) as it goes. */
  async drain(): Promise<void> {
    const { onProblem } = this.options;
    if (onProblem && this.problemOutbox.length > 0) {
      for (const p of this.problemOutbox.splice(0)) await onProblem(p);
    }
    const rows = this.outbox;
    const onRow = this.onRow;
    for (let i = 0; i < rows.length; i++) {
      const pending = onRow(rows[i]);
      if (pending !== undefined) await pending;
      if (++this.sinceCheckpoint >= CHECKPOINT_EVERY) {
        this.sinceCheckpoint = 0;
        if (this.job) await this.job.checkpoint();
      }
    }
    rows.length = 0;
  }

  /** Called once per chunk read: progress in bytes of the input, and a chance to cancel. */
  async tick(done: number, total: number): Promise<void> {
    await this.drain();
    if (this.job) {
      this.job.progress(done, total, 'reading');
      await this.job.checkpoint();
      this.sinceCheckpoint = 0;
    }
  }
}
