// Import readers: customer files (CSV/TSV/TXT, XLSX, vCard, JSON, JSON Lines) → a uniform stream of
// source rows with provenance. Mapping, normalising and validating those rows happen after this.
export { readSource, previewSource } from './read-source';
export type { ReadOptions, ReadResult, SourceRow } from './types';
