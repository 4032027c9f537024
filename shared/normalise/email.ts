// E-mail addresses from customer exports: clean-up, a pragmatic syntax check and a status.
import { MISSING, invalid, type Invalid, type Missing } from './status';
import { normaliseText } from './text';

type EmailProblem =
  /** No @, or more than one outside a quoted local part. */
  | 'not-an-address'
  /** Several addresses in one cell (separated by ; , / or whitespace). */
  | 'multiple'
  /** A quoted local part ("a b"@x.cn) or an IP-literal domain: legal but not accepted here. */
  | 'unsupported'
  | 'local-part'
  | 'domain'
  | 'too-long';

export type EmailCheck =
  { status: 'valid'; value: string; local: string; domain: string } | Invalid<EmailProblem> | Missing;

// RFC 5322 dot-atom: atext characters, dots only between them. Letters of any script are accepted too
// (RFC 6531 internationalised mailboxes, e.g. 张三@例子.中国), since the app only stores addresses.
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
// A DNS label (RFC 1035, letters-digits-hyphen) extended to Unicode letters for IDN domains.
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
// UTS #46 treats these as label separators, so 张三@qq。com is the same address as 张三@qq.com.
const IDN_DOTS = /[\u3002\uFF0E\uFF61]/g;

/** RFC 5321 §4.5.3.1 limits; 254 is the usable path length minus the angle brackets. */
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_ADDRESS = 254;

/**
 * Trims, folds full-width characters and lower-cases the whole address. RFC 5321 lets the local part be
 * case-sensitive, but QQ, 163/126, Gmail, Outlook and nearly every other provider treat it as
 * case-insensitive, and one spelling per address is what duplicate detection needs. Domains are
 * case-insensitive by definition (RFC 4343).
 */
export function normaliseEmail(text: string | null | undefined): EmailCheck {
  if (text == null) return MISSING;
  const cleaned = normaliseText(text);
  if (cleaned === '') return MISSING;
  if (/[;,/\s]/.test(cleaned) && (cleaned.match(/@/g) ?? []).length > 1) return invalid('multiple');
  if (cleaned.includes('"') || /@\[.*\]$/.test(cleaned)) return invalid('unsupported');

  const at = cleaned.lastIndexOf('@');
  if (at <= 0 || at === cleaned.length - 1 || cleaned.indexOf('@') !== at) return invalid('not-an-address');
  const local = cleaned.slice(0, at).toLowerCase();
  const domain = cleaned
    .slice(at + 1)
    .replace(IDN_DOTS, '.')
    .toLowerCase();

  if (local.length > MAX_LOCAL || domain.length > MAX_DOMAIN) return invalid('too-long');
  if (!LOCAL_PART.test(local)) return invalid('local-part');
  if (!isDomain(domain)) return invalid('domain');
  const value = `${local}@${domain}`;
  if (value.length > MAX_ADDRESS) return invalid('too-long');
  return { status: 'valid', value, local, domain };
}

/** At least two labels; the top-level one is not all digits (that would be an IP address). */
function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1]);
}
