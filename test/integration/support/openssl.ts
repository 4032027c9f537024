// Debian's openssl as a person would run it to check a Closeout signature (docs/FORMATS.md §5).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function opensslCmsVerify(files: {
  content: string;
  signature: string;
  certificate: string;
  cwd?: string;
}) {
  const args = [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'PEM',
    '-in',
    files.signature,
    '-content',
    files.content,
  ];
  return spawnSync('openssl', [...args, '-CAfile', files.certificate, '-out', '/dev/null'], {
    cwd: files.cwd,
    encoding: 'utf8',
  });
}

/** A command's exit status and its output (stdout then stderr). */
export function run(cmd: string, args: string[], cwd?: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** An evidence pack as an auditor checks it: openssl cms -verify into pack.tar, tar -x, then sha256sum -c of both manifests in the bag. */
export function checkPackWithDebianTools(
  signed: string,
  out: string,
  companyPem: string,
): { bag: string; sha256sum: string } {
  mkdirSync(out, { recursive: true });
  const tarFile = join(out, 'pack.tar');
  const verify = opensslVerifyAttached(signed, companyPem, tarFile);
  expect(verify).toMatchObject({ status: 0 });
  expect(verify.out).toContain('Verification successful');
  expect(run('tar', ['-xf', tarFile, '-C', out]).status).toBe(0);
  const [bag] = readdirSync(out).filter((n) => n.startsWith('closeout-evidence-'));
  const sums = run('sha256sum', ['-c', 'manifest-sha256.txt'], join(out, bag));
  expect(sums.status).toBe(0);
  expect(run('sha256sum', ['-c', 'tagmanifest-sha256.txt'], join(out, bag)).status).toBe(0);
  return { bag: join(out, bag), sha256sum: sums.out };
}

/** `openssl cms -verify` of an attached SignedData (DER) against a CA file, its content written to `out`. */
export const opensslVerifyAttached = (signed: string, caFile: string, out = '/dev/null') =>
  run('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    signed,
    '-CAfile',
    caFile,
    '-out',
    out,
  ]);
