// What the dispatcher hands each reader.
import type { RowCollector } from './collector';
import type { ImportLimits, ReadOptions } from './types';

export interface ReaderContext {
  file: string;
  size: number;
  options: ReadOptions;
  limits: ImportLimits;
  out: RowCollector;
}

export interface TextReaderContext extends ReaderContext {
  encoding: string;
  /** Decoded text of the first bytes (for delimiter and format detection). */
  sample: string;
  /** True when `sample` is the whole file. */
  sampleComplete: boolean;
  /** The encoding was detected (not chosen): a second encoding further in refuses the file. */
  checkMix: boolean;
}
