// handover.create and handover.update: the recipient (credit code checked for a mainland company), its
// certificate (PEM, DER or the public part of a PKCS#12; valid now, RSA for key transport, naming this
// recipient), the legal route (anything outside mainland China is cross-border) and its reasoning.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HandoverCertificate, OpParsedInput } from '../../../shared/contract';
import { checkCreditCode, normaliseCreditCode } from '../../../shared/identifiers/credit-code';
import {
  DEFAULT_HANDOVER_FIELDS,
  isMainland,
  type HandoverRecipient,
  type HandoverRoute,
} from '../../../shared/handover';
import { EngineError } from '../kernel/engine-error';
import { certificateInfo, encrypt, isPkiError, readCertificate } from '../pki';
import { pathOf } from '../util/file-ref';
import type { OpenVault } from '../vault/open-vault';
import { loadHandover, requireOpen, type Handover } from './store';

/** The recipient as stored: trimmed, the credit code normalised and checked where it applies. */
function checkRecipient(recipient: HandoverRecipient, route: HandoverRoute): HandoverRecipient {
  let creditCode = recipient.creditCode?.trim() ? normaliseCreditCode(recipient.creditCode) : null;
  if (isMainland(recipient.country)) {
    if (!creditCode)
      throw new EngineError('HANDOVER_RECIPIENT_INVALID', {
        detail: 'a recipient in mainland China needs its unified social credit code',
      });
    const problem = checkCreditCode(creditCode);
    if (problem) throw new EngineError('CREDIT_CODE_INVALID', { code: recipient.creditCode, problem });
  } else if (creditCode === '') creditCode = null;
  if (!isMainland(recipient.country) && route !== 'cross-border')
    throw new EngineError('HANDOVER_ROUTE_INVALID', {
      detail: `the recipient is in ${recipient.country}, outside mainland China: the route is cross-border (PIPL Art. 38–39)`,
    });
  if (isMainland(recipient.country) && route === 'cross-border')
    throw new EngineError('HANDOVER_ROUTE_INVALID', {
      detail: 'the recipient is in mainland China: choose succession (Art. 22) or provision (Art. 23)',
    });
  return { ...recipient, creditCode };
}

const fold = (s: string) =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();

export function describeCertificate(pem: string): HandoverCertificate {
  const info = certificateInfo(pem);
  return {
    subject: info.subject,
    organisation: info.organisation,
    serialNumber: info.serialNumber,
    fingerprintSha256: info.fingerprintSha256,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    keyAlgorithm: info.keyAlgorithm,
  };
}

/** Checks that a certificate can lock a package for this recipient now; PKI problems said plainly. */
export async function checkRecipientCertificate(
  pem: string,
  recipient: HandoverRecipient,
  now = new Date(),
): Promise<HandoverCertificate> {
  const info = describeCertificate(pem);
  const invalid = (detail: string) => new EngineError('HANDOVER_CERTIFICATE_INVALID', { detail });
  if (new Date(info.notAfter).getTime() < now.getTime()) throw invalid(`it expired on ${info.notAfter}`);
  if (new Date(info.notBefore).getTime() > now.getTime())
    throw invalid(`it is valid only from ${info.notBefore}`);
  if (!info.keyAlgorithm.startsWith('RSA')) throw invalid(`its key is ${info.keyAlgorithm}; RSA is needed`);
  const code = info.serialNumber && checkCreditCode(info.serialNumber) === null ? info.serialNumber : null;
  if (code && recipient.creditCode) {
    if (normaliseCreditCode(code) !== recipient.creditCode)
      throw invalid(`it names the credit code ${code}, not the recipient's ${recipient.creditCode}`);
  } else {
    const names = [info.organisation, info.subject].filter((n): n is string => !!n).map(fold);
    if (!names.includes(fold(recipient.organisation)))
      throw invalid(`it names ${info.organisation ?? info.subject}, not ${recipient.organisation}`);
  }
  try {
    // The envelope's own checks (key usage, key size) on an empty content: what packaging will ask.
    for await (const piece of encrypt(Buffer.alloc(0), [{ certificate: pem }])) void piece;
  } catch (error) {
    if (isPkiError(error)) throw invalid(String(error.details.what ?? error.code));
    throw error;
  }
  return info;
}

async function readRecipientCertificate(input: {
  file: { path: string } | { handle: string };
  password?: string;
}) {
  const path = pathOf(input.file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  try {
    return await readCertificate(bytes, input.password === undefined ? {} : { password: input.password });
  } catch (error) {
    if (isPkiError(error))
      throw new EngineError('HANDOVER_CERTIFICATE_INVALID', {
        detail: String(error.details.what ?? error.code),
      });
    throw error;
  }
}

export async function createHandover(
  vault: OpenVault,
  input: OpParsedInput<'handover.create'>,
  now = new Date(),
): Promise<string> {
  const recipient = checkRecipient(input.recipient, input.route);
  let certificatePem: string | null = null;
  if (input.certificate) {
    if (input.keyMode !== 'certificate')
      throw new EngineError('HANDOVER_CERTIFICATE_INVALID', {
        detail: 'a certificate is given only with the certificate key mode',
      });
    certificatePem = await readRecipientCertificate(input.certificate);
    await checkRecipientCertificate(certificatePem, recipient, now);
  }
  const id = randomUUID();
  vault.change(
    () => ({
      op: 'handover.create',
      params: { handoverId: id, route: input.route, keyMode: input.keyMode, country: recipient.country },
      outcome: 'ok',
    }),
    () => {
      vault.db
        .prepare(
          `INSERT INTO handovers (id, state, created_at, created_by, route, reasoning, recipient, disposition_label,
             key_mode, certificate_pem, fields)
           VALUES (?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          now.toISOString(),
          vault.actor.userName,
          input.route,
          input.reasoning,
          JSON.stringify(recipient),
          input.dispositionLabel ?? recipient.organisation,
          input.keyMode,
          certificatePem,
          JSON.stringify(DEFAULT_HANDOVER_FIELDS),
        );
    },
  );
  return id;
}

export async function updateHandover(
  vault: OpenVault,
  input: OpParsedInput<'handover.update'>,
  now = new Date(),
): Promise<void> {
  const current = loadHandover(vault.db, input.handoverId);
  requireOpen(current);
  const route = input.route ?? current.route;
  const recipient = checkRecipient(input.recipient ?? current.recipient, route);
  const keyMode = input.keyMode ?? current.keyMode;
  let certificatePem: string | null = keyMode === current.keyMode ? current.certificatePem : null;
  if (input.certificate) {
    if (keyMode !== 'certificate')
      throw new EngineError('HANDOVER_CERTIFICATE_INVALID', {
        detail: 'a certificate is given only with the certificate key mode',
      });
    certificatePem = await readRecipientCertificate(input.certificate);
  }
  if (certificatePem && keyMode === 'certificate')
    await checkRecipientCertificate(certificatePem, recipient, now);
  const next: Handover = {
    ...current,
    route,
    recipient,
    keyMode,
    certificatePem,
    reasoning: input.reasoning ?? current.reasoning,
    crossBorder: input.crossBorder ?? current.crossBorder,
    dispositionLabel: input.dispositionLabel ?? current.dispositionLabel,
    fields: input.fields ? [...new Set(input.fields)] : current.fields,
  };
  vault.change(
    () => ({
      op: 'handover.update',
      params: {
        handoverId: current.id,
        changed: Object.keys(input).filter((k) => k !== 'handoverId'),
        route,
        keyMode,
        fields: next.fields,
      },
      outcome: 'ok',
    }),
    () =>
      vault.db
        .prepare(
          `UPDATE handovers SET route = ?, reasoning = ?, recipient = ?, disposition_label = ?, key_mode = ?,
             certificate_pem = ?, cross_border = ?, fields = ? WHERE id = ?`,
        )
        .run(
          next.route,
          next.reasoning,
          JSON.stringify(next.recipient),
          next.dispositionLabel,
          next.keyMode,
          next.certificatePem,
          JSON.stringify(next.crossBorder),
          JSON.stringify(next.fields),
          next.id,
        ),
  );
}
