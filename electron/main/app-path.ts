// Maps an app://closeout/ URL to a file inside the renderer's build folder, or to the HTTP status that
// refuses it. Electron-free and pure apart from reading the file system, so it is tested on real files.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { APP_ORIGIN } from '../../shared/csp';

export type AppPathResult = { ok: true; file: string } | { ok: false; status: 403 | 404 };

const PREFIX = `${APP_ORIGIN}/`;
const INDEX = 'index.html';
const refused: AppPathResult = { ok: false, status: 403 };
const missing: AppPathResult = { ok: false, status: 404 };

// Encoded separators, NUL and an encoded `%` (double encoding) have no place in a bundle's file names.
const ENCODED_FORBIDDEN = /%(2f|5c|00|25)/i;
const BAD_ESCAPE = /%(?![0-9a-f]{2})/i;
// Windows opens devices for these names in any folder.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * The raw URL is examined before any parsing: a URL parser would quietly resolve `..` and `%2e%2e`,
 * turning an attack into an ordinary 404 that hides it. Anything unusual is refused (403).
 */
export function resolveAppPath(root: string, url: string): AppPathResult {
  if (typeof url !== 'string' || url.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return refused;
  let raw = url.slice(PREFIX.length);
  const end = raw.search(/[?#]/);
  if (end >= 0) raw = raw.slice(0, end);

  if (raw.includes('\\') || hasControlChar(raw) || BAD_ESCAPE.test(raw) || ENCODED_FORBIDDEN.test(raw)) {
    return refused;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return refused;
  }
  if (decoded === '') decoded = INDEX;

  const segments = decoded.split('/');
  for (const segment of segments) {
    if (
      segment === '' ||
      segment === '.' ||
      segment === '..' ||
      segment.includes(':') ||
      segment.includes('\\') ||
      hasControlChar(segment) ||
      WINDOWS_DEVICE.test(segment)
    ) {
      return refused;
    }
  }

  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return missing;
  }
  const candidate = join(realRoot, ...segments);
  if (!isInside(realRoot, candidate)) return refused;

  let real: string;
  try {
    real = realpathSync(candidate);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? missing : refused;
  }
  // A symlink in the bundle must not lead out of it.
  if (!isInside(realRoot, real)) return refused;

  try {
    return statSync(real).isFile() ? { ok: true, file: real } : missing;
  } catch {
    return missing;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

/** NUL and the other C0 controls (and DEL) never appear in a bundle's file names. */
function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
