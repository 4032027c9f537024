// Debian's openssl as a person would run it to check a Closeout signature (docs/FORMATS.md §5).
import { spawnSync } from 'node:child_process';

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
