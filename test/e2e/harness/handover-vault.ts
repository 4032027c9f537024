// The small vault both handover specs start from: three customers imported from a CSV, every one with
// the disposition TRANSFER to the recipient, locked and in the registry.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SeededVault, SeedVault } from './seed-vault';

const HANDOVER_CUSTOMERS_CSV =
  '姓名,手机,邮箱,地址\n陈静,13800138000,chen@example.cn,杭州市西湖区文三路 1 号\n' +
  '李伟,13900139000,li@example.cn,杭州市上城区 2 号\n赵敏,13700137000,zhao@example.cn,宁波市鄞州区 3 号\n';

export async function seedTransferVault(
  seed: (spec: SeedVault) => Promise<SeededVault>,
  files: string,
  spec: { clientName: string; owner: SeedVault['owner']; recipient: string },
): Promise<SeededVault> {
  const csv = path.join(files, 'customers.csv');
  await writeFile(csv, HANDOVER_CUSTOMERS_CSV);
  return seed({
    clientName: spec.clientName,
    owner: spec.owner,
    afterCreate: async (call) => {
      await call('import.run', { inputs: [{ file: { path: csv } }] });
      await call('dispositions.apply', {
        rules: [{ when: {}, set: { disposition: 'TRANSFER', recipient: spec.recipient } }],
      });
    },
  });
}
