// Small helpers shared by the backup use cases.
import { createHash } from 'node:crypto';

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');
