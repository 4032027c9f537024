// The recovery key: 256 bits written for paper. Version 1 is the vault key itself; version 2 is a recovery
// secret R from which the vault key is derived (HKDF-SHA256, docs/FORMATS.md). The 4 bits left over after
// the 256 carry the version: 0000 for version 1 (every key printed before versions existed), 0010 for 2. Crockford base32 (no I, L, O, U; case and
// the look-alikes I/L→1, O→0 forgiven), 13 groups of 4 characters, each followed by a Luhn mod 32
// check character, so a mistyped character is caught and its group named before any decryption.
// Format (docs/FORMATS.md): "ABCD7-EFGH2-…" = 13 × (4 data + 1 check) separated by '-'.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 13;
const DATA_PER_GROUP = 4;
const RECOVERY_KEY_BYTES = 32;

export type RecoveryKeyProblem =
  | { kind: 'length'; groups: number }
  | { kind: 'character'; group: number; char: string }
  | { kind: 'checksum'; group: number };

function luhnCheckChar(data: string): string {
  // Luhn mod N over the code points, doubling from the rightmost character.
  let sum = 0;
  let double = true;
  for (let i = data.length - 1; i >= 0; i--) {
    let v = ALPHABET.indexOf(data[i]) * (double ? 2 : 1);
    v = Math.floor(v / 32) + (v % 32);
    sum += v;
    double = !double;
  }
  return ALPHABET[(32 - (sum % 32)) % 32];
}

export type RecoveryKeyVersion = 1 | 2;

export function encodeRecoveryKey(key: Uint8Array, version: RecoveryKeyVersion = 1): string {
  if (key.length !== RECOVERY_KEY_BYTES) throw new RangeError('a recovery key encodes exactly 32 bytes');
  let bits = '';
  for (const byte of key) bits += byte.toString(2).padStart(8, '0');
  bits += version === 1 ? '0000' : version.toString(2).padStart(4, '0'); // 256 + 4 bits = 52 characters
  let chars = '';
  for (let i = 0; i < bits.length; i += 5) chars += ALPHABET[parseInt(bits.slice(i, i + 5), 2)];
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const data = chars.slice(g * DATA_PER_GROUP, (g + 1) * DATA_PER_GROUP);
    groups.push(data + luhnCheckChar(data));
  }
  return groups.join('-');
}

/** Normalises what a person typed: case, spaces, dashes and the look-alike letters. */
function normalise(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export function checkRecoveryKey(text: string): RecoveryKeyProblem | null {
  const clean = normalise(text);
  if (clean.length !== GROUPS * (DATA_PER_GROUP + 1))
    return { kind: 'length', groups: Math.ceil(clean.length / (DATA_PER_GROUP + 1)) };
  for (let g = 0; g < GROUPS; g++) {
    const group = clean.slice(g * 5, g * 5 + 5);
    const bad = [...group].find((c) => !ALPHABET.includes(c));
    if (bad) return { kind: 'character', group: g + 1, char: bad };
    if (luhnCheckChar(group.slice(0, 4)) !== group[4]) return { kind: 'checksum', group: g + 1 };
  }
  return null;
}

/** The version and the 32 bytes, or a RangeError naming the problem (see checkRecoveryKey). */
export function decodeVersionedRecoveryKey(text: string): { version: RecoveryKeyVersion; bytes: Uint8Array } {
  const problem = checkRecoveryKey(text);
  if (problem) throw new RangeError(`recovery key: ${JSON.stringify(problem)}`);
  const clean = normalise(text);
  let bits = '';
  for (let g = 0; g < GROUPS; g++)
    for (const c of clean.slice(g * 5, g * 5 + 4)) bits += ALPHABET.indexOf(c).toString(2).padStart(5, '0');
  const spare = parseInt(bits.slice(RECOVERY_KEY_BYTES * 8), 2);
  if (spare !== 0 && spare !== 2) throw new RangeError(`recovery key: unknown version bits ${spare}`);
  const key = new Uint8Array(RECOVERY_KEY_BYTES);
  for (let i = 0; i < RECOVERY_KEY_BYTES; i++) key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  return { version: spare === 0 ? 1 : 2, bytes: key };
}
