// evidence.verify: opens the envelope (with the recipient's key), checks the CMS signature (against the
// company certificate given, or else only against the one the pack carries — said so), reads the tar and
// checks the bag file by file. One changed byte is named: the file whose digest differs, or the signature,
// the tar or the envelope. Nothing of the pack is kept: it is unpacked into a private temporary folder.
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { EvidenceProblem, EvidenceVerification, FileRef, OpParsedInput } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { decryptToFile, isPkiError, verifyAttached, type VerifyResult } from '../pki';
import { pathOf } from '../util/file-ref';
import { checkBag, parseBagInfo } from './bag';
import { readTar } from './tar';

const OID_SIGNED = Buffer.from('06092a864886f70d010702', 'hex');
const OID_ENVELOPED = Buffer.from('06092a864886f70d010703', 'hex');
const OID_AUTH_ENVELOPED = Buffer.from('060b2a864886f70d0109100117', 'hex');

function head(path: string): Buffer {
  const buffer = Buffer.alloc(4096);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** What the file claims to be, from its first bytes (DER or PEM). */
function kindOf(path: string): 'signed' | 'enveloped' | 'unknown' {
  let start = head(path);
  const text = start.toString('latin1');
  if (text.startsWith('-----BEGIN')) {
    const body = text
      .split('\n')
      .slice(1)
      .join('')
      .replace(/[^A-Za-z0-9+/=]/g, '');
    start = Buffer.from(body.slice(0, 200), 'base64');
  }
  const early = start.subarray(0, 32);
  if (early.includes(OID_ENVELOPED) || early.includes(OID_AUTH_ENVELOPED)) return 'enveloped';
  if (early.includes(OID_SIGNED)) return 'signed';
  return 'unknown';
}

function readRef(ref: FileRef): Buffer {
  const path = pathOf(ref);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

/**
 * The tar out of the SignedData, whatever the signature turns out to be (it is checked on its own after):
 * with no trust anchor the library refuses only once the content is out, so the tar is on disk. Returns
 * the library's answer when the structure itself could not be read.
 */
async function extract(signed: string, tarPath: string): Promise<VerifyResult | null> {
  const out = createWriteStream(tarPath, { mode: 0o600 });
  try {
    return await verifyAttached(createReadStream(signed), out, { trustAnchors: [] });
  } catch (error) {
    if (isPkiError(error, 'PKI_INPUT_INVALID')) return null;
    throw error;
  } finally {
    out.end();
    await finished(out).catch(() => undefined);
  }
}

function signatureProblem(result: VerifyResult): EvidenceProblem | null {
  if (result.ok) return null;
  return {
    file: '(signature)',
    problem:
      result.failure === 'untrusted-chain'
        ? 'untrusted'
        : result.failure === 'malformed'
          ? 'structure'
          : 'signature',
    detail: `${result.failure}: ${result.detail}`,
  };
}

export async function verifyEvidencePack(
  input: OpParsedInput<'evidence.verify'>,
  job: JobContext,
): Promise<EvidenceVerification> {
  const path = pathOf(input.pack);
  try {
    if (!statSync(path).isFile()) throw new Error('not a regular file');
  } catch (error) {
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    });
  }
  const anchor = input.companyCertificate ? readRef(input.companyCertificate) : null;
  const kind = kindOf(path);
  const result = (
    problems: EvidenceProblem[],
    rest: Partial<EvidenceVerification> = {},
  ): EvidenceVerification => ({
    ok: problems.length === 0,
    path,
    encrypted: kind === 'enveloped',
    signer: null,
    bag: null,
    problems,
    ...rest,
  });
  if (kind === 'unknown')
    return result([
      { file: '(structure)', problem: 'structure', detail: 'neither a CMS SignedData nor an EnvelopedData' },
    ]);
  if (kind === 'enveloped' && !input.key) throw new EngineError('EVIDENCE_KEY_NEEDED', { path });

  const work = mkdtempSync(join(tmpdir(), 'closeout-evidence-'));
  try {
    let signed = path;
    if (kind === 'enveloped' && input.key) {
      job.progress(0, 3, 'decrypting');
      signed = join(work, 'signed.p7m');
      try {
        await decryptToFile(createReadStream(path), signed, {
          privateKey: readRef(input.key),
          certificate: input.certificate ? readRef(input.certificate) : undefined,
        });
      } catch (error) {
        if (!isPkiError(error)) throw error;
        return result([{ file: '(envelope)', problem: 'envelope', detail: error.message }]);
      }
    }
    job.progress(1, 3, 'signature');
    const tarPath = join(work, 'pack.tar');
    const unreadable = await extract(signed, tarPath);
    await job.checkpoint();

    job.progress(2, 3, 'bag');
    const problems: EvidenceProblem[] = [];
    const tar = await readTar(tarPath);
    const roots = new Set([...tar.files.keys()].map((name) => name.split('/')[0]));
    const root = roots.size === 1 ? [...roots][0] : null;
    const files = new Map<string, Buffer>();
    for (const [name, content] of tar.files) if (root) files.set(name.slice(root.length + 1), content);
    if (tar.broken && !unreadable)
      problems.push({
        file: tar.broken.after ? `(tar, after ${tar.broken.after.slice((root?.length ?? -1) + 1)})` : '(tar)',
        problem: 'structure',
        detail: tar.broken.reason,
      });
    if (!root && tar.files.size > 0)
      problems.push({ file: '(tar)', problem: 'structure', detail: 'the bag is not one folder' });
    if (tar.files.size > 0) problems.push(...checkBag(files));

    // The signature, against the certificate the caller trusts, or else the one the pack carries.
    const carried = files.get('data/company-certificate.pem') ?? null;
    const trust = anchor ?? carried;
    let final: VerifyResult | null = unreadable;
    if (!final && trust)
      final = await verifyAttached(createReadStream(signed), null, { trustAnchors: [trust] });
    if (!final && !trust)
      problems.push({
        file: 'data/company-certificate.pem',
        problem: 'missing',
        detail: 'no certificate to check the signature with',
      });
    const pinnedTo = anchor ? ('given' as const) : ('pack' as const);
    const sig = final ? signatureProblem(final) : null;
    if (sig) problems.unshift(sig);
    const signerSummary = final ? (final.ok ? final.signers[0] : final.signer) : undefined;
    const info = parseBagInfo(files.get('bag-info.txt'));
    job.progress(3, 3, 'done');
    return result(problems, {
      signer: signerSummary
        ? {
            subject: signerSummary.subject,
            fingerprintSha256: signerSummary.fingerprintSha256,
            signingTime: signerSummary.signingTime,
            pinnedTo: final?.ok ? pinnedTo : null,
          }
        : null,
      bag: root
        ? {
            name: root,
            files: [...files.keys()].filter((p) => p.startsWith('data/')).length,
            vaultId: info.get('External-Identifier') ?? null,
            clientName: info.get('Source-Organization') ?? null,
            keepUntil: info.get('Keep-Until') ?? null,
          }
        : null,
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
