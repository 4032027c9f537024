// Creates real vaults in temp folders through the real engine (in process), for integration tests.
import { createEngine, type EngineClient } from '../../../electron/core/host/in-process';
import type { OpResult } from '../../../shared/contract';
import { tempDir } from '../helpers';

export const OWNER_PASS = 'Owner-passphrase-2026!';
export const OPERATOR_PASS = 'Operator-passphrase-2026!';
export const AUDITOR_PASS = 'Auditor-passphrase-2026!';

export interface VaultFixture {
  dir: string;
  dataDir: string;
  file: string;
  engine: EngineClient;
  created: OpResult<'vault.create'>;
  remove: () => Promise<void>;
}

export function unwrap<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export async function makeVault(
  options: { clientName?: string; contact?: string } = {},
): Promise<VaultFixture> {
  const tmp = tempDir('closeout-vault-');
  const dataDir = `${tmp.path}/data`;
  const engine = createEngine({ dataDir, electronVersion: null });
  const created = unwrap(
    await engine.call('vault.create', {
      file: { path: `${tmp.path}/client.cvault` },
      details: {
        clientName: options.clientName ?? '杭州示例商贸有限公司',
        creditCode: '91350100M000100Y43',
        contact: options.contact ?? null,
      },
      owner: { name: 'owner', passphrase: OWNER_PASS },
    }),
  );
  return {
    dir: tmp.path,
    dataDir,
    file: created.session.path,
    engine,
    created,
    remove: async () => {
      await engine.close();
      tmp.remove();
    },
  };
}
