// The contract as tests compose it: the product's operations plus `test.count`, a harmless job that counts
// with progress, so the job runner, its events and cancellation can be exercised end to end (jest, the e2e
// page, the benchmarks). Pure (no engine), so the e2e page's bridge is built from it too. Nothing of it ships.
import { z } from 'zod';
import { contract, op, type ContractShape } from '../../shared/contract';

export const countInput = z.strictObject({
  total: z.int().min(1).max(1_000_000),
  stepMs: z.int().min(0).max(1_000).default(10),
});

export const testContract = {
  ...contract,
  'test.count': op<{ counted: number }>()({
    input: countInput,
    access: 'public',
    job: true,
    writes: true,
    summary: 'Counts to `total` with progress (tests only)',
  }),
} as const satisfies ContractShape;

export type TestContract = typeof testContract;
export type TestOpName = keyof TestContract & string;
export const TEST_OP_NAMES = Object.keys(testContract) as TestOpName[];
