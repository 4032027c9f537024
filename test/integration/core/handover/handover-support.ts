// A vault with generated customers, some of them TRANSFER to a recipient, and a handover brought to the
// point where a package may be built: the real engine, a real recipient key and certificate on disk.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../../../../electron/core/handover/readiness';
import { generateRecipientKit } from '../../../../electron/core/pki';
import { activeCompanyCertificate } from '../../../../electron/core/vault/certificates';
import type { OpInput } from '../../../../shared/contract';
import { generateCustomers, type CustomerOptions } from '../../../fixtures/customers';
import { AGREEMENT } from '../../../fixtures/handover-agreement';
import { insertCustomers, type StoredCustomer } from '../../support/records-fixture';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { withRawVault } from '../backup/backup-support';
import { makeCompany, writeCompany } from '../pki/openssl';

export const RECIPIENT = '宁波承接贸易有限公司';
const RECIPIENT_CODE = '91330212MA2H8N1Q51';

export { AGREEMENT };

export interface RecipientFiles {
  certificate: string;
  key: string;
}

/** The recipient's own key and certificate (as a kit would make them), written into `dir`. */
export async function recipientFiles(
  dir: string,
  organisation = RECIPIENT,
  now?: Date,
): Promise<RecipientFiles> {
  const kit = await generateRecipientKit({
    organisation,
    creditCode: RECIPIENT_CODE,
    ...(now ? { now } : {}),
  });
  const files = {
    certificate: join(dir, `${organisation}-recipient.pem`),
    key: join(dir, `${organisation}-recipient.key`),
  };
  writeFileSync(files.certificate, kit.certificatePem);
  writeFileSync(files.key, kit.privateKeyPem);
  return files;
}

export interface HandoverVault {
  v: VaultFixture;
  stored: StoredCustomer[];
  /** Ids of the records whose disposition is TRANSFER to RECIPIENT. */
  destined: number[];
}

/** A vault with `n` customers; every `every`-th one is TRANSFER to the recipient. */
export async function handoverVault(
  n: number,
  every = 2,
  seed = 20260412,
  options: CustomerOptions = {},
): Promise<HandoverVault> {
  const v = await makeVault();
  const stored: StoredCustomer[] = [];
  await withRawVault(v, (db) => {
    insertCustomers(db, generateCustomers(seed, n, options), { onRow: (s) => stored.push(s) });
    db.prepare('UPDATE customers SET disposition = NULL').run();
  });
  const destined = stored.filter((_, i) => i % every === 0).map((s) => s.id);
  unwrap(
    await v.engine.call('dispositions.set', {
      ids: destined,
      set: { disposition: 'TRANSFER', recipient: RECIPIENT },
    }),
  );
  return { v, stored, destined };
}

/** A local calendar date `days` from today (negative: in the past). */
export function daysFromToday(days: number): string {
  return localDate(new Date(Date.now() + days * 86_400_000));
}

export const recipientInput = (country = 'CN'): OpInput<'handover.create'>['recipient'] => ({
  organisation: RECIPIENT,
  creditCode: country === 'CN' ? RECIPIENT_CODE : null,
  contactPerson: '王经理',
  contact: '0574-87654321',
  address: '浙江省宁波市鄞州区示例路 8 号',
  country,
});

/**
 * Brings a handover to "ready": reasoning, agreement, vetting, PIPIA approved, notices issued with a
 * deadline already past. Returns the handover id.
 */
export async function readyHandover(
  v: VaultFixture,
  options: {
    keyMode: 'certificate' | 'password';
    certificate?: string;
    route?: 'succession' | 'provision';
    deadline?: string;
  },
): Promise<string> {
  const call = v.engine.call.bind(v.engine);
  const created = unwrap(
    await call('handover.create', {
      recipient: recipientInput(),
      route: options.route ?? 'succession',
      reasoning: '公司解散，业务由接收方承继（第二十二条）',
      keyMode: options.keyMode,
      ...(options.certificate ? { certificate: { file: { path: options.certificate } } } : {}),
    }),
  );
  const handoverId = created.handoverId;
  unwrap(await call('handover.agreement', { handoverId, terms: AGREEMENT, signedOn: '2026-03-01' }));
  for (const item of ['licence', 'security', 'incidents', 'dpo'] as const)
    unwrap(await call('handover.vetting', { handoverId, item, done: true, note: '已核实' }));
  unwrap(
    await call('handover.pipia', {
      handoverId,
      answers: {
        necessity: '承继业务所必需',
        conclusion: '风险可控，同意移交',
        custodian: '清算组 张会计',
        residualRisk: 'low',
      },
      approve: true,
    }),
  );
  unwrap(
    await call('handover.notices', {
      handoverId,
      out: { path: v.dir },
      settings: {
        deadline: options.deadline ?? daysFromToday(-1),
        afterClosureContact: '清算组 0571-12345678',
        reason: '公司解散',
      },
    }),
  );
  return handoverId;
}

export interface OpensslParties {
  /** The vault's company CA (PEM file): what a recipient trusts for a Closeout package (its .sender.pem). */
  company: string;
  /** Another company's CA and a user key it certified: the sender of the packages openssl makes. */
  sender: { ca: string; certificate: string; key: string };
}

export async function opensslParties(v: VaultFixture): Promise<OpensslParties> {
  const ca = (await withRawVault(v, (db) => activeCompanyCertificate(db)))!;
  const company = join(v.dir, 'company.pem');
  writeFileSync(company, ca.pem!);
  const other = join(v.dir, 'openssl-sender');
  mkdirSync(other);
  writeCompany(other, await makeCompany('外部发送方有限公司'));
  return {
    company,
    sender: {
      ca: join(other, 'company.pem'),
      certificate: join(other, 'user.pem'),
      key: join(other, 'user.key'),
    },
  };
}

/** The recipient's signed receipt of a package (as Closeout makes it on their side), written beside the vault. */
export async function signReceipt(
  v: VaultFixture,
  packagePath: string,
  recipient: RecipientFiles,
): Promise<string> {
  const receipt = join(v.dir, 'receipt.p7s');
  unwrap(
    await v.engine.call('handover.receiptCreate', {
      package: { path: packagePath },
      key: { path: recipient.key },
      certificate: { path: recipient.certificate },
      out: { path: receipt },
    }),
  );
  return receipt;
}
