// Debian's openssl as a recipient would run it, and the shared fixtures of the pki tests (one company CA
// and one user per test file: RSA-3072 keygen takes a moment).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createCompanyCa,
  generateUserKeyPair,
  issueUserCertificate,
  type CompanyCa,
  type KeyAndCertificate,
} from '../../../../electron/core/pki';

export interface OpensslResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function openssl(args: string[], cwd: string, input?: Buffer | string): OpensslResult {
  const result = spawnSync('openssl', args, {
    cwd,
    input,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Call in beforeAll: these tests are the promise that recipients need nothing but openssl, so never skip. */
export function requireOpenssl(): void {
  const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0 || !/^OpenSSL 3\./.test(probe.stdout)) {
    throw new Error(
      '`openssl` 3.x is not on PATH; install it (Debian/Ubuntu: apt-get install -y openssl). CI installs it.',
    );
  }
}

export const COMPANY = '杭州示例商贸有限公司（清算组）';
export const CREDIT_CODE = '91330100MA2K4B2C3X';

export interface Company {
  ca: CompanyCa;
  user: KeyAndCertificate;
  userId: string;
}

export async function makeCompany(name = COMPANY, userName = '张伟'): Promise<Company> {
  const ca = await createCompanyCa({ name, creditCode: CREDIT_CODE });
  const keys = generateUserKeyPair();
  const userId = `u-${Math.random().toString(16).slice(2, 10)}`;
  const certificatePem = await issueUserCertificate(ca, {
    userId,
    userName,
    role: 'operator',
    publicKey: keys.publicKeyPem,
  });
  return { ca, user: { certificatePem, privateKeyPem: keys.privateKeyPem }, userId };
}

/** Writes company.pem / company.key / user.pem / user.key into the folder, as a recipient would have them. */
export function writeCompany(dir: string, company: Company): void {
  writeFileSync(join(dir, 'company.pem'), company.ca.certificatePem);
  writeFileSync(join(dir, 'company.key'), company.ca.privateKeyPem);
  writeFileSync(join(dir, 'user.pem'), company.user.certificatePem);
  writeFileSync(join(dir, 'user.key'), company.user.privateKeyPem);
}
