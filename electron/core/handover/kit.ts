// handover.kit: for a recipient without a certificate, a key pair and certificate made here, written as a
// password-protected PKCS#12 with its certificate and a one-page zh/en instruction sheet. Closeout keeps
// only the certificate (to lock the package and check the receipt); the key leaves in the kit and the
// password — the person's, or one chosen here and shown once — is never stored.
import { randomInt } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import type { HandoverKit, OpParsedInput } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import { generateRecipientKit, isPkiError, makePkcs12 } from '../pki';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { writeDocument } from '../documents/write-document';
import { renderKitInstructions } from './kit-pdf';
import { freshPath, outputFolder, writeFailed } from './output';
import { describeCertificate } from './recipient';
import { loadHandover, requireOpen } from './store';

// No 0/O, 1/l/I: read aloud over the phone.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** Five groups of four characters (about 116 bits). */
function newPassword(): string {
  const groups = Array.from({ length: 5 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

export async function makeKit(
  vault: OpenVault,
  input: OpParsedInput<'handover.kit'>,
  dataDir: string | null,
  now = new Date(),
): Promise<HandoverKit> {
  const handover = loadHandover(vault.db, input.handoverId);
  requireOpen(handover);
  if (handover.keyMode !== 'kit')
    throw new EngineError('HANDOVER_CERTIFICATE_INVALID', {
      detail: `this handover uses the ${handover.keyMode} key mode; choose the kit first`,
    });
  const dir = outputFolder(input.out);
  const scope = { vault, dataDir };
  const base = `closeout-kit-${handover.id.slice(0, 8)}`;
  const paths = {
    p12: freshPath(dir, `${base}.p12`, scope),
    certificate: freshPath(dir, `${base}.pem`, scope),
    instructions: freshPath(dir, `${base}-instructions.pdf`, scope),
  };
  const password = input.password ?? newPassword();
  let kit: { certificatePem: string; privateKeyPem: string };
  let p12: Buffer;
  try {
    kit = await generateRecipientKit({
      organisation: handover.recipient.organisation,
      creditCode: handover.recipient.creditCode,
      now,
    });
    p12 = await makePkcs12({
      keyPem: kit.privateKeyPem,
      certPem: kit.certificatePem,
      password,
      friendlyName: handover.recipient.organisation,
    });
  } catch (error) {
    if (isPkiError(error))
      throw new EngineError('HANDOVER_RECIPIENT_INVALID', {
        detail: String(error.details.what ?? error.code),
      });
    throw error;
  }
  const certificate = describeCertificate(kit.certificatePem);
  const pdf = await renderKitInstructions(
    {
      client: readMeta(vault.db).clientName,
      recipient: handover.recipient.organisation,
      p12: `${base}.p12`,
      certificate: `${base}.pem`,
      fingerprint: certificate.fingerprintSha256,
      notAfter: certificate.notAfter.slice(0, 10),
    },
    now,
  );
  const written: string[] = [];
  try {
    writeFileSync(paths.p12, p12, { mode: 0o600, flag: 'wx' });
    written.push(paths.p12);
    writeFileSync(paths.certificate, kit.certificatePem, { mode: 0o644, flag: 'wx' });
    written.push(paths.certificate);
    writeDocument(paths.instructions, pdf, 0o644);
    written.push(paths.instructions);
    vault.change(
      () => ({
        op: 'handover.kit',
        params: {
          handoverId: handover.id,
          fingerprintSha256: certificate.fingerprintSha256,
          passwordChosen: !input.password,
        },
        outcome: 'ok',
      }),
      () =>
        vault.db
          .prepare('UPDATE handovers SET certificate_pem = ? WHERE id = ?')
          .run(kit.certificatePem, handover.id),
    );
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    throw writeFailed(dir, error);
  }
  return {
    ...paths,
    fingerprintSha256: certificate.fingerprintSha256,
    generatedPassword: input.password ? null : password,
  };
}
