// Helpers for import tests: read a file completely, and check the books balance.
import { readSource } from '../../../../../electron/core/import';
import type { ReadOptions, ReadResult, SourceRow } from '../../../../../electron/core/import';
import type { JobContext } from '../../../../../electron/core/kernel/job';
import { EngineError } from '../../../../../electron/core/kernel/engine-error';

export async function readAll(
  file: string,
  options: ReadOptions = {},
  job?: JobContext,
): Promise<{ result: ReadResult; rows: SourceRow[] }> {
  const rows: SourceRow[] = [];
  const result = await readSource(file, options, (row) => void rows.push(row), job);
  expect(rows).toHaveLength(result.rowsEmitted);
  expectAccounted(result);
  return { result, rows };
}

/** Nothing lost silently: every record read is delivered or rejected, and every problem is listed. */
function expectAccounted(result: ReadResult): void {
  expect(result.rowsRead).toBe(result.rowsEmitted + result.rowsRejected);
  expect(result.rowsFlagged).toBeLessThanOrEqual(result.rowsEmitted);
  expect(result.problems.length + result.problemsOmitted).toBe(result.rowsRejected + result.rowsFlagged);
  if (result.problemsOmitted === 0) {
    expect(result.problems.filter((p) => !p.emitted)).toHaveLength(result.rowsRejected);
    expect(result.problems.filter((p) => p.emitted)).toHaveLength(result.rowsFlagged);
  }
}

/** The EngineError a promise rejects with (fails the test if it resolves or throws something else). */
export async function engineError(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError, but the call succeeded');
}
