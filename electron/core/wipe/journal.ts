// The wipe journal: one folder per wipe in the data folder (outside the vault, so it outlives the
// vault's keys), holding `journal.jsonl` — one JSON line per step, appended and flushed before the next
// step begins — and the files the wipe prepares (the certificate before it is published, the deletion
// manifest, the record ids). A rerun after kill -9 or a pulled disk reads it and carries on where it
// stopped; a file whose overwrite began is known as such. It holds ids, paths and digests, never a
// customer's values. Format: docs/FORMATS.md.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { WipeKind, WipePlan } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import { fsyncDir, writeFileAtomic } from '../util/atomic-write';
import { overwriteAndDelete } from '../util/wipe-file';

const JOURNAL_FORMAT = 'closeout-wipe-journal';

export interface JournalBegin {
  type: 'begin';
  format: typeof JOURNAL_FORMAT;
  version: 1;
  wipeId: string;
  kind: WipeKind;
  vaultId: string;
  clientName: string;
  vaultFile: string;
  at: string;
  by: string;
  certificateDir: string;
  plan: WipePlan;
  /** The call's options that the rest of the wipe needs (never a secret). */
  options: Record<string, unknown>;
}

export type JournalLine =
  | JournalBegin
  | { type: 'step'; step: string; at: string; detail?: Record<string, unknown> }
  | { type: 'file'; path: string; state: 'begin' | 'done'; result?: string; at: string };

const wipesDir = (dataDir: string): string => join(dataDir, 'wipes');

export class Journal {
  private constructor(
    readonly dir: string,
    readonly begin: JournalBegin,
    private readonly lines: JournalLine[],
  ) {}

  get file(): string {
    return join(this.dir, 'journal.jsonl');
  }

  /** The data folder the journal lives in (`<dataDir>/wipes/<wipeId>`). */
  get dataDir(): string {
    return dirname(dirname(this.dir));
  }

  /** Starts a journal: the folder, then the first line, flushed. */
  static create(dataDir: string, begin: Omit<JournalBegin, 'type' | 'format' | 'version'>): Journal {
    const dir = join(wipesDir(dataDir), begin.wipeId);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    fsyncDir(wipesDir(dataDir));
    const first: JournalBegin = { type: 'begin', format: JOURNAL_FORMAT, version: 1, ...begin };
    const journal = new Journal(dir, first, []);
    journal.append(first);
    return journal;
  }

  /** Reads a journal; a last line cut short by a kill is ignored (it was never acted on). */
  static read(dir: string): Journal {
    const file = join(dir, 'journal.jsonl');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new EngineError('WIPE_JOURNAL_DAMAGED', {
        path: file,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
    const raw = text.split('\n');
    const lines: JournalLine[] = [];
    for (const [i, line] of raw.entries()) {
      if (line.trim() === '') continue;
      try {
        lines.push(JSON.parse(line) as JournalLine);
      } catch {
        if (i >= raw.length - 2) break; // the torn last line
        throw new EngineError('WIPE_JOURNAL_DAMAGED', { path: file, reason: `line ${i + 1}` });
      }
    }
    const begin = lines[0];
    if (!begin || begin.type !== 'begin' || begin.format !== JOURNAL_FORMAT)
      throw new EngineError('WIPE_JOURNAL_DAMAGED', { path: file, reason: 'no beginning' });
    return new Journal(dir, begin, lines.slice(1));
  }

  /** Every journal in the data folder that has not reached `complete` (those never planned discarded). */
  static unfinished(dataDir: string): Journal[] {
    return Journal.all(dataDir).filter((j) => !j.has('complete') && !j.discardIfUnplanned());
  }

  /** Every journal in the data folder, oldest first. */
  static all(dataDir: string): Journal[] {
    const root = wipesDir(dataDir);
    if (!existsSync(root)) return [];
    return readdirSync(root)
      .filter((name) => existsSync(join(root, name, 'journal.jsonl')))
      .map((name) => Journal.read(join(root, name)))
      .sort((a, b) => a.begin.at.localeCompare(b.begin.at));
  }

  /**
   * A journal that never reached 'planned' belongs to a wipe that changed nothing (killed while it was
   * preparing): it is removed, its prepared files first overwritten, and the wipe starts afresh.
   */
  discardIfUnplanned(): boolean {
    if (this.has('planned')) return false;
    for (const name of readdirSync(this.dir)) overwriteAndDelete(join(this.dir, name));
    rmSync(this.dir, { recursive: true, force: true });
    return true;
  }

  private append(line: JournalLine): void {
    const fd = openSync(this.file, 'a', 0o600);
    try {
      const bytes = Buffer.from(JSON.stringify(line) + '\n', 'utf8');
      let at = 0;
      while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (line.type !== 'begin') this.lines.push(line);
  }

  step(step: string, detail?: Record<string, unknown>): void {
    this.append({ type: 'step', step, at: new Date().toISOString(), ...(detail ? { detail } : {}) });
  }

  has(step: string): boolean {
    return this.lines.some((l) => l.type === 'step' && l.step === step);
  }

  detail(step: string): Record<string, unknown> | undefined {
    const line = [...this.lines].reverse().find((l) => l.type === 'step' && l.step === step);
    return line?.type === 'step' ? line.detail : undefined;
  }

  /** The last step recorded. */
  get lastStep(): string {
    const line = [...this.lines].reverse().find((l) => l.type === 'step');
    return line?.type === 'step' ? line.step : 'begin';
  }

  fileBegun(path: string): boolean {
    return this.lines.some((l) => l.type === 'file' && l.path === path && l.state === 'begin');
  }

  fileDone(path: string): string | null {
    const line = this.lines.find((l) => l.type === 'file' && l.path === path && l.state === 'done');
    return line?.type === 'file' ? (line.result ?? 'done') : null;
  }

  fileBegin(path: string): void {
    this.append({ type: 'file', path, state: 'begin', at: new Date().toISOString() });
  }

  fileEnd(path: string, result: string): void {
    this.append({ type: 'file', path, state: 'done', result, at: new Date().toISOString() });
  }

  /** A prepared file of the wipe (certificate, manifest, ids), written whole or not at all. */
  put(name: string, data: string | Uint8Array): string {
    const file = join(this.dir, name);
    writeFileAtomic(file, data, 0o600);
    return file;
  }

  path(name: string): string {
    return join(this.dir, name);
  }
}
