// job.*: the running jobs (their progress and end are events, declared in index.ts).
import { z } from 'zod';
import { jobIdSchema, op, type OpSpec } from './op';

export const jobOps = {
  'job.cancel': op<{ cancelled: boolean }>()({
    input: z.strictObject({ job: jobIdSchema }),
    access: 'public',
    job: false,
    writes: false,
    summary: 'Ask a running job to stop; it commits nothing',
  }),
} as const satisfies Record<string, OpSpec>;
