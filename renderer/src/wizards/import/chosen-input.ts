// A file chosen for import and what the person chose for it (sheet, encoding, delimiter, mapping), with
// its latest preview; `inputOf` is the part the engine reads (the handle, never a path).
import type { ColumnMapping } from '../../../../shared/customer';
import type { ImportPreview } from '../../../../shared/contract';
import type { ErrorValue } from '../../platform/api';

export interface ChosenInput {
  handle: string;
  name: string;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  mapping?: ColumnMapping;
  preview: ImportPreview | null;
  error: ErrorValue | null;
  loading: boolean;
}

export function inputOf(file: ChosenInput) {
  return {
    file: { handle: file.handle },
    ...(file.sheet ? { sheet: file.sheet } : {}),
    ...(file.encoding ? { encoding: file.encoding } : {}),
    ...(file.delimiter ? { delimiter: file.delimiter } : {}),
    ...(file.mapping ? { mapping: file.mapping } : {}),
  };
}
