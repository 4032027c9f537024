// Intake readers: customer files (CSV/TSV/TXT, XLSX, vCard, JSON, JSON Lines) → a uniform stream of
// source rows with provenance. Mapping, normalising and validating those rows happen after this.
export { readSource, previewSource } from './read-source';
export { DEFAULT_LIMITS } from './limits';
export type {
  IntakeLimits,
  Note,
  NoteKind,
  ProblemKind,
  ReadOptions,
  ReadResult,
  RowProblem,
  RowSink,
  SheetInfo,
  SourceFormat,
  SourcePreview,
  SourceRow,
} from './types';
