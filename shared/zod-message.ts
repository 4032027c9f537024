// One line naming each bad field, for INVALID_INPUT errors: the engine and main describe a bad input alike.
import type { z } from 'zod';

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}
