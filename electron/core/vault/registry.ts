// The registry of client vaults (vaults.json in the data folder): paths, client names and stages so
// an accountant sees every closure at once. It never holds a secret or a customer value.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { VaultSummary } from '../../../shared/contract';
import { EngineError } from '../host/engine-error';
import { describeZodError } from '../host/zod-message';

export const REGISTRY_FILE = 'vaults.json';

const entrySchema = z.object({
  id: z.string().min(1),
  path: z.string().min(1),
  clientName: z.string(),
  creditCode: z.string().nullable(),
  stage: z.enum(['setup', 'intake', 'review', 'backup', 'handover', 'destruction', 'certified']),
  lastOpenedAt: z.string().nullable(),
  lastBackupAt: z.string().nullable(),
});

const registrySchema = z.object({ version: z.literal(1), vaults: z.array(entrySchema) });

export type RegistryEntry = z.infer<typeof entrySchema>;

export function registryPath(dataDir: string): string {
  return join(dataDir, REGISTRY_FILE);
}

export function readRegistry(dataDir: string): RegistryEntry[] {
  const file = registryPath(dataDir);
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EngineError('REGISTRY_CORRUPT', { path: file, reason: (error as Error).message });
  }
  const result = registrySchema.safeParse(parsed);
  if (!result.success)
    throw new EngineError('REGISTRY_CORRUPT', { path: file, reason: describeZodError(result.error) });
  return result.data.vaults;
}

export function listVaults(dataDir: string): VaultSummary[] {
  return readRegistry(dataDir).map((entry) => ({ ...entry, present: existsSync(entry.path) }));
}
