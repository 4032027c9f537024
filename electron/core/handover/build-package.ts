// handover.package (job): the records that may travel (TRANSFER to this recipient − objectors − those
// missing a consent), only the chosen fields, as a BagIt bag → tar → CMS SignedData (the session's
// certified key, its chain to the company CA) → CMS
// EnvelopedData / AuthEnvelopedData to the recipient's certificate or a password, streamed to a temporary
// file renamed into place when whole, with a README and the sender's certificate beside it. Memory stays
// flat in the number of records; the transfer, its records and the audit entry commit with the file.
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import pkg from '../../../package.json';
import type { OpParsedInput, PackageBuilt } from '../../../shared/contract';
import { csvLine } from '../../../shared/csv';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { inJobTransaction } from '../kernel/job-transaction';
import { certificateInfo, encrypt, isPkiError, signAttached, type Recipient } from '../pki';
import { CUSTOMER_ROW_COLUMNS, toCustomerRecord, type CustomerRow } from '../records/record-view';
import { openAtomic } from '../util/atomic-write';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import type { SessionSigner } from '../vault/signer';
import { agreementOf } from './agreement';
import * as bag from './bag-content';
import { Spool } from './bag-spool';
import { tarOf, type TarEntry } from './bag-tar';
import { fileStamp } from '../util/file-stamp';
import { freshPath, outputFolder, writeFailed } from './output';
import { blockers } from './readiness';
import { checkRecipientCertificate } from './recipient';
import { readmeText } from './readme';
import { objectorIds, selectionFlags, selectionSql } from './selection';
import { loadHandover, requireOpen, type Handover } from './store';

const WINDOW = 1000;
/**
 * The package's page cache, in KiB (negative, as SQLite takes it), in place of the job's usual one: it
 * reads the vault once, in id order, and writes one small row per record, so a large cache only held pages
 * never read again and grew the process with the vault (by up to 128 MiB); 16 MiB is as fast.
 */
const PACKAGE_CACHE_KIB = -16384;

/**
 * The session's certified key signs: the acting user's, with the company CA in the chain (or the company
 * CA itself in a recovery-key session). Recipients verify against the company certificate.
 */
function packageSigner(signer: SessionSigner) {
  if (!signer.key || !signer.certificatePem || (signer.kind !== 'user' && signer.kind !== 'company'))
    throw new EngineError('SIGNING_KEY_PENDING');
  return {
    certificatePem: signer.certificatePem,
    privateKeyPem: signer.key,
    chain: signer.chain,
    trustAnchorPem: signer.chain.at(-1) ?? signer.certificatePem,
  };
}

/** Refuses a handover not ready to travel; true when an owner overrides the deadline. */
function checkReady(
  vault: OpenVault,
  handover: Handover,
  input: OpParsedInput<'handover.package'>,
  now: Date,
): boolean {
  if (input.fields && [...input.fields].sort().join() !== [...handover.fields].sort().join())
    throw new EngineError('HANDOVER_PIPIA_NOT_APPROVED');
  const missing = blockers(vault.db, handover, now);
  if (missing.includes('pipia')) throw new EngineError('HANDOVER_PIPIA_NOT_APPROVED');
  const hard = missing.filter((b) => b !== 'deadline');
  if (hard.length) throw new EngineError('HANDOVER_NOT_READY', { gaps: hard });
  if (missing.includes('deadline')) {
    if (!input.overrideDeadline)
      throw new EngineError('HANDOVER_DEADLINE_NOT_PASSED', { deadline: handover.notice?.deadline ?? '?' });
    if (vault.actor.role !== 'owner') {
      vault.audit({
        op: 'handover.package',
        params: { handoverId: handover.id, override: true },
        outcome: 'refused',
      });
      throw new EngineError('NOT_ALLOWED', {
        role: vault.actor.role,
        op: 'handover.package (override deadline)',
      });
    }
  }
  if (handover.keyMode === 'password' && !input.password) throw new EngineError('HANDOVER_PASSWORD_NEEDED');
  if (handover.keyMode !== 'password' && input.password)
    throw new EngineError('INVALID_INPUT', { detail: 'password: this handover is locked to a certificate' });
  return missing.includes('deadline');
}

export async function buildPackage(
  vault: OpenVault,
  input: OpParsedInput<'handover.package'>,
  job: JobContext,
  dataDir: string | null,
  now = new Date(),
): Promise<PackageBuilt> {
  const db = vault.db;
  const handover = loadHandover(db, input.handoverId);
  requireOpen(handover);
  const override = checkReady(vault, handover, input, now);
  // The certificate was checked when it was given; it may have expired since.
  if (handover.keyMode !== 'password' && handover.certificatePem)
    await checkRecipientCertificate(handover.certificatePem, handover.recipient, now);
  const meta = readMeta(db);
  const signer = packageSigner(vault.signer);
  const agreement = agreementOf(db, handover.id)!;
  const dir = outputFolder(input.out);
  const scope = { vault, dataDir };
  const base = `closeout-handover-${handover.id}-${fileStamp(now)}`;
  const paths = {
    path: freshPath(dir, `${base}.p7m`, scope),
    readme: freshPath(dir, `${base}.README.txt`, scope),
    senderCertificate: freshPath(dir, `${base}.sender.pem`, scope),
  };
  const spoolPath = (name: string) => join(dir, `.${base}.${name}.${randomBytes(6).toString('hex')}.spool`);
  const spools = {
    csv: new Spool(spoolPath('csv')),
    jsonl: new Spool(spoolPath('jsonl')),
    notices: new Spool(spoolPath('notices')),
    objections: new Spool(spoolPath('objections')),
  };
  const output = openAtomic(paths.path, 0o600);
  const written: string[] = [];
  let transferId: number;
  let records = 0;
  const leftBehind = { objectors: 0, missingConsent: 0 };
  let bytes = 0;
  let sha256 = '';
  const packageHash = createHash('sha256');
  try {
    transferId = await inJobTransaction(db, async () => {
      const transfer = Number(
        db
          .prepare(
            `INSERT INTO handover_transfers (handover_id, file_name, sha256, bytes, records, fields, cipher, created_at,
               created_by) VALUES (?, ?, '', 0, 0, ?, ?, ?, ?)`,
          )
          .run(
            handover.id,
            basename(paths.path),
            JSON.stringify(handover.fields),
            input.cipher,
            now.toISOString(),
            vault.actor.userName,
          ).lastInsertRowid,
      );
      db.pragma(`cache_size = ${PACKAGE_CACHE_KIB}`); // set back when the transaction ends
      // 1. The data files, one pass in id order, into encrypted spools.
      const columns = bag.dataColumns(handover.fields);
      spools.csv.write(bag.csvHeader(columns));
      spools.notices.write('\uFEFF' + bag.NOTICE_SUMMARY_HEADER);
      spools.objections.write('\uFEFF' + bag.OBJECTION_SUMMARY_HEADER);
      const objectors = objectorIds(db, handover.id);
      // Per window: what stays behind (objectors, missing consents) counted in SQL, then the records
      // that travel, read while the window's pages are still in SQLite's cache.
      const flags = selectionFlags(handover);
      const behind = db.prepare(
        `SELECT coalesce(sum(objected), 0) AS objectors, coalesce(sum(missing AND NOT objected), 0) AS missing
           FROM (SELECT ${flags.columns} FROM customers c WHERE c.id > ? AND c.id <= ? AND ${flags.where})`,
      );
      const sql = selectionSql(handover);
      const rows = db.prepare(
        `SELECT ${CUSTOMER_ROW_COLUMNS}, n.language AS n_language, n.channel AS n_channel, n.status AS n_status,
                n.sent_at AS n_sent_at
           FROM customers c LEFT JOIN handover_notices n ON n.handover_id = ? AND n.customer_id = c.id
          WHERE c.id > ? AND c.id <= ? AND ${sql.where} ORDER BY c.id`,
      );
      const consents = db.prepare(
        `SELECT r.customer_id AS id, r.consent_type, r.received_on, r.channel, e.sha256
           FROM handover_responses r LEFT JOIN handover_evidence e ON e.id = r.evidence_id
          WHERE r.handover_id = ? AND r.kind = 'consent' AND r.customer_id > ? AND r.customer_id <= ?
          ORDER BY r.customer_id, r.id`,
      );
      const carried = db.prepare(
        'INSERT INTO handover_records (transfer_id, customer_id) SELECT ?, value FROM json_each(?)',
      );
      const maxId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM customers').get() as { m: number }).m;
      job.progress(0, maxId, 'collecting');
      for (let from = 0; from < maxId; from += WINDOW) {
        const left = behind.get(...flags.columnArgs, from, from + WINDOW, ...flags.args) as {
          objectors: number;
          missing: number;
        };
        leftBehind.objectors += left.objectors;
        leftBehind.missingConsent += left.missing;
        const chunk = rows.all(handover.id, from, from + WINDOW, ...sql.args) as Array<
          CustomerRow & {
            n_language: string | null;
            n_channel: string | null;
            n_status: string | null;
            n_sent_at: string | null;
          }
        >;
        const travelling = new Set<number>();
        let csv = '';
        let jsonl = '';
        let notices = '';
        for (const row of chunk) {
          // A second guard, independent of the SQL: an objector never travels.
          if (objectors.has(row.id))
            throw new EngineError('HANDOVER_OBJECTOR_SELECTED', { recordId: row.id });
          const record = toCustomerRecord(row, []);
          csv += bag.csvRow(columns, record);
          jsonl += bag.jsonRow(columns, record);
          notices += csvLine([row.id, row.n_language, row.n_channel, row.n_status, row.n_sent_at, null]);
          travelling.add(row.id);
        }
        if (travelling.size > 0) {
          spools.csv.write(csv);
          spools.jsonl.write(jsonl);
          spools.notices.write(notices);
          carried.run(transfer, JSON.stringify([...travelling]));
          for (const c of consents.all(handover.id, from, from + WINDOW) as Array<{
            id: number;
            consent_type: string | null;
            received_on: string;
            channel: string | null;
            sha256: string | null;
          }>)
            if (travelling.has(c.id))
              spools.objections.write(
                csvLine([c.id, 'consent', c.consent_type, c.received_on, c.channel, c.sha256]),
              );
          records += travelling.size;
        }
        job.progress(Math.min(from + WINDOW, maxId), maxId, 'collecting');
        await job.checkpoint();
      }
      if (records === 0)
        throw new EngineError('HANDOVER_SELECTION_EMPTY', { recipient: handover.dispositionLabel });

      // 2. The bag: tag files from the data files' digests, then tar → sign → envelope → file.
      const data: Array<{ name: string; bytes: number; sha256: string; source: TarEntry['source'] }> = [];
      const spooled = (name: string, spool: Spool) => ({
        name,
        ...spool.finish(),
        source: () => spool.read(),
      });
      const inMemory = (name: string, content: Buffer) => ({
        name,
        bytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        source: () => content,
      });
      data.push(
        spooled('data/customers.csv', spools.csv),
        spooled('data/customers.jsonl', spools.jsonl),
        inMemory('data/schema.json', bag.schemaJson(columns)),
        spooled('data/notices-summary.csv', spools.notices),
        spooled('data/objections-summary.csv', spools.objections),
        inMemory(
          'data/agreement.json',
          bag.agreementJson(agreement, {
            sender: { name: meta.clientName, creditCode: meta.creditCode },
            recipient: { name: handover.recipient.organisation, creditCode: handover.recipient.creditCode },
          }),
        ),
      );
      const payload = data.reduce((n, f) => n + f.bytes, 0);
      const signerInfo = certificateInfo(signer.certificatePem);
      const info = bag.bagInfo([
        ['Source-Organization', meta.clientName],
        ['Contact-Name', vault.actor.userName],
        ['External-Identifier', handover.id],
        ['Bagging-Date', now.toISOString().slice(0, 10)],
        ['Payload-Oxum', `${payload}.${data.length}`],
        ['Bag-Size', bag.humanSize(payload)],
        ['Bag-Software-Agent', `Closeout ${pkg.version}`],
        ['Closeout-Recipient', handover.recipient.organisation],
        ['Closeout-Recipient-Credit-Code', handover.recipient.creditCode ?? ''],
        ['Closeout-Recipient-Country', handover.recipient.country],
        ['Closeout-Route', handover.route],
        ['Closeout-Records', records],
        ['Closeout-Objections-Excluded', leftBehind.objectors],
        ['Closeout-Fields', handover.fields.join(',')],
        ['Closeout-Signer-SHA256', signerInfo.fingerprintSha256],
      ]);
      const tags = [
        inMemory('bagit.txt', bag.BAGIT_TXT),
        inMemory('bag-info.txt', info),
        inMemory('manifest-sha256.txt', bag.manifest(data)),
      ];
      tags.push(inMemory('tagmanifest-sha256.txt', bag.manifest(tags)));
      const recipients: Recipient[] =
        handover.keyMode === 'password'
          ? [{ password: input.password! }]
          : [{ certificate: handover.certificatePem! }];
      const envelope = encrypt(
        signAttached(tarOf([...tags, ...data], now), {
          certificatePem: signer.certificatePem,
          privateKeyPem: signer.privateKeyPem,
          chain: signer.chain,
        }),
        recipients,
        { cipher: input.cipher },
      );
      job.progress(0, null, 'packing');
      let pieces = 0;
      for await (const piece of envelope) {
        packageHash.update(piece);
        output.write(piece);
        bytes += piece.length;
        if (++pieces % 256 === 0) {
          job.progress(bytes, null, 'packing');
          await job.checkpoint();
        }
      }
      sha256 = packageHash.digest('hex');
      db.prepare('UPDATE handover_transfers SET sha256 = ?, bytes = ?, records = ? WHERE id = ?').run(
        sha256,
        bytes,
        records,
        transfer,
      );
      db.prepare(
        `UPDATE handovers SET state = 'packaged', override_reason = ?, override_by = ?, override_at = ? WHERE id = ?`,
      ).run(
        override ? input.overrideDeadline! : null,
        override ? vault.actor.userName : null,
        override ? now.toISOString() : null,
        handover.id,
      );
      vault.audit(
        {
          op: 'handover.package',
          params: {
            handoverId: handover.id,
            transferId: transfer,
            sha256,
            fields: handover.fields,
            cipher: input.cipher,
            keyMode: handover.keyMode,
            overrideDeadline: override ? input.overrideDeadline! : null,
          },
          counts: {
            records,
            objectorsExcluded: leftBehind.objectors,
            missingConsent: leftBehind.missingConsent,
          },
          outcome: 'ok',
        },
        true,
      );
      const facts = {
        client: meta.clientName,
        recipient: handover.recipient.organisation,
        handoverId: handover.id,
        packageFile: basename(paths.path),
        senderFile: basename(paths.senderCertificate),
        sha256,
        bytes,
        records,
        senderFingerprint: certificateInfo(signer.trustAnchorPem).fingerprintSha256,
        keyMode: handover.keyMode,
        cipher: input.cipher,
        createdAt: now.toISOString(),
      };
      writeFileSync(paths.readme, readmeText(facts), { mode: 0o644, flag: 'wx' });
      written.push(paths.readme);
      writeFileSync(paths.senderCertificate, signer.trustAnchorPem, { mode: 0o644, flag: 'wx' });
      written.push(paths.senderCertificate);
      await job.checkpoint();
      output.commit();
      written.push(paths.path);
      return transfer;
    });
  } catch (error) {
    output.abort();
    for (const file of written) rmSync(file, { force: true });
    if (isPkiError(error))
      throw new EngineError('HANDOVER_CERTIFICATE_INVALID', {
        detail: String(error.details.what ?? error.code),
      });
    throw writeFailed(paths.path, error);
  } finally {
    for (const spool of Object.values(spools)) spool.remove();
  }
  return {
    ...paths,
    records,
    bytes,
    sha256,
    cipher: input.cipher,
    transferId,
  };
}
