// Finds identifiers inside free text (notes, addresses, any field) so the wizard can label and encrypt
// them: pattern first, then checksum, then context keywords. Results carry kinds and
// spans, never the values, so a summary can go to a log.
import { normaliseEmail } from '../normalise/email';
import { normalisePhone } from '../normalise/phone';
import { toHalfWidth } from '../normalise/text';
import { checkBankCard } from './bank-card';
import { hasContext, type IdentifierKind } from './context-words';
import { checkCreditCode } from './credit-code';
import {
  checkMrzLine2,
  FOREIGN_PASSPORT,
  HK_MACAO_TRAVEL_PERMIT,
  HOME_RETURN_PERMIT,
  PRC_PASSPORT,
  TAIWAN_COMPATRIOT_PERMIT,
} from './passport';
import { checkResidentId, type DayLike } from './resident-id';

type Confidence = 'high' | 'medium' | 'low';

export interface IdentifierMatch {
  kind: IdentifierKind;
  /** UTF-16 offsets into the text as given: text.slice(start, end) is the identifier. */
  start: number;
  end: number;
  confidence: Confidence;
  /** 'none' for kinds without a check digit (mobile, email, passport numbers outside an MRZ). */
  checksum: 'pass' | 'fail' | 'none';
  /** A keyword for this kind was found next to it. */
  context: boolean;
  /** A 15-digit resident ID from before 1999. */
  legacy?: true;
}

/** What may be logged about a text's identifiers: counts, no values and no positions. */
export interface IdentifierSummary {
  total: number;
  byKind: Partial<Record<IdentifierKind, number>>;
}

export interface DetectOptions {
  /** Drop matches below this confidence. Default 'low' (keep everything). */
  minConfidence?: Confidence;
  /** For the resident-ID "birth date not in the future" check. Default: today. */
  today?: DayLike;
}

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
/** When two kinds claim the same characters with equal confidence, the more sensitive kind wins. */
const PRIORITY: IdentifierKind[] = [
  'resident-id',
  'bank-card',
  'passport',
  'travel-permit',
  'credit-code',
  'mobile',
  'email',
];

// Boundaries: an identifier is not the middle of a longer run of letters and digits.
const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';
const DATE = '(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const RESIDENT_ID = new RegExp(`${B}[1-9]\\d{5}[ -]?${DATE}[ -]?\\d{3}[\\dXx]${E}`, 'g');
const LEGACY_ID = new RegExp(`${B}\\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}${E}`, 'g');
const CREDIT_CODE = new RegExp(`${B}[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}${E}`, 'gi');
/** 16-19 digits in one run or in groups of 4-6 (6222 0212 3456 7890 123, 622202 1234567890123). */
const BANK_CARD = new RegExp(`${B}(?:\\d{16,19}|\\d{4,6}(?:[ -]\\d{3,13}){1,4})${E}`, 'g');
const MOBILE = new RegExp(`(?<![0-9A-Za-z+])(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}${E}`, 'g');
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;
const DOCUMENT = new RegExp(`${B}[A-Z]{0,2}\\d{6,10}${E}`, 'g');
const MRZ_LINE = /(?<![A-Z0-9<])[A-Z0-9<]{44}(?![A-Z0-9<])/g;

/** What a detector makes of one pattern match; null when it is not worth reporting. */
interface Verdict {
  kind: IdentifierKind;
  checksum: IdentifierMatch['checksum'];
  confidence: Confidence | null;
  legacy?: true;
}
/** Tells a detector whether a keyword for `kind` sits next to the match. */
type Near = (kind: IdentifierKind) => boolean;
type Detector = (value: string, near: Near, options: DetectOptions) => Verdict | null;

const residentId: Detector = (value, near, { today }) => {
  const check = checkResidentId(value, { today });
  if (check.status === 'valid') return { kind: 'resident-id', checksum: 'pass', confidence: 'high' };
  // A mistyped ID is still an ID when the text says so.
  const mistyped = check.status === 'invalid' && check.problem === 'checksum' && near('resident-id');
  return mistyped ? { kind: 'resident-id', checksum: 'fail', confidence: 'low' } : null;
};

const legacyId: Detector = (value, near, { today }) =>
  checkResidentId(value, { today }).status === 'legacy'
    ? {
        kind: 'resident-id',
        checksum: 'none',
        confidence: near('resident-id') ? 'medium' : 'low',
        legacy: true,
      }
    : null;

const creditCode: Detector = (value, near) => {
  const problem = checkCreditCode(value);
  if (problem === null) return { kind: 'credit-code', checksum: 'pass', confidence: 'high' };
  return problem === 'checksum' && near('credit-code')
    ? { kind: 'credit-code', checksum: 'fail', confidence: 'low' }
    : null;
};

/** One random digit run in ten passes Luhn, so without a keyword only the major networks' prefixes count. */
const bankCard: Detector = (value, near) => {
  const check = checkBankCard(value, { context: near('bank-card') });
  if (check.status === 'probable') return { kind: 'bank-card', checksum: 'fail', confidence: 'low' };
  if (check.status !== 'valid') return null;
  const major = /^(?:62|4|5[1-5]|3[47])/.test(check.value);
  return {
    kind: 'bank-card',
    checksum: 'pass',
    confidence: near('bank-card') ? 'high' : major ? 'medium' : 'low',
  };
};

const mobile: Detector = (value, near) => {
  const check = normalisePhone(value);
  return check.status === 'valid' && check.type === 'mobile' && check.region === 'CN'
    ? { kind: 'mobile', checksum: 'none', confidence: near('mobile') ? 'high' : 'medium' }
    : null;
};

const email: Detector = (value) =>
  normaliseEmail(value).status === 'valid' ? { kind: 'email', checksum: 'none', confidence: 'high' } : null;

/**
 * Passport and permit numbers have no check digit: PRC passports are distinctive enough to report at
 * low confidence alone; permits and foreign passports only next to their keyword.
 */
const travelDocument: Detector = (value, near) => {
  if (PRC_PASSPORT.test(value)) {
    return { kind: 'passport', checksum: 'none', confidence: near('passport') ? 'high' : 'low' };
  }
  if (HK_MACAO_TRAVEL_PERMIT.test(value) || HOME_RETURN_PERMIT.test(value)) {
    return { kind: 'travel-permit', checksum: 'none', confidence: near('travel-permit') ? 'high' : null };
  }
  if (TAIWAN_COMPATRIOT_PERMIT.test(value) && near('travel-permit')) {
    return { kind: 'travel-permit', checksum: 'none', confidence: 'medium' };
  }
  if (FOREIGN_PASSPORT.test(value) && near('passport')) {
    return { kind: 'passport', checksum: 'none', confidence: 'medium' };
  }
  return null;
};

const mrz: Detector = (value) => {
  const failed = checkMrzLine2(value);
  return failed && failed.length === 0 ? { kind: 'passport', checksum: 'pass', confidence: 'high' } : null;
};

const DETECTORS: ReadonlyArray<readonly [RegExp, Detector]> = [
  [RESIDENT_ID, residentId],
  [LEGACY_ID, legacyId],
  [CREDIT_CODE, creditCode],
  [BANK_CARD, bankCard],
  [MOBILE, mobile],
  [EMAIL, email],
  [DOCUMENT, travelDocument],
  [MRZ_LINE, mrz],
];

export function findIdentifiers(text: string, options: DetectOptions = {}): IdentifierMatch[] {
  // Same length as the input (one code unit per character), so spans found here are spans in `text`.
  const scan = toHalfWidth(text);
  const min = RANK[options.minConfidence ?? 'low'];
  const found: IdentifierMatch[] = [];
  for (const [pattern, detect] of DETECTORS) {
    for (const m of scan.matchAll(pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      const near: Near = (kind) => hasContext(scan, start, end, kind);
      const verdict = detect(m[0], near, options);
      if (!verdict || verdict.confidence === null || RANK[verdict.confidence] < min) continue;
      const match: IdentifierMatch = {
        kind: verdict.kind,
        start,
        end,
        confidence: verdict.confidence,
        checksum: verdict.checksum,
        context: near(verdict.kind),
      };
      if (verdict.legacy) match.legacy = true;
      found.push(match);
    }
  }
  return resolveOverlaps(found);
}

export function summariseIdentifiers(matches: readonly IdentifierMatch[]): IdentifierSummary {
  const byKind: Partial<Record<IdentifierKind, number>> = {};
  for (const m of matches) byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
  return { total: matches.length, byKind };
}

/** Keeps the most credible match where spans overlap; the result is in text order. */
function resolveOverlaps(matches: IdentifierMatch[]): IdentifierMatch[] {
  const ordered = [...matches].sort(
    (a, b) =>
      RANK[b.confidence] - RANK[a.confidence] ||
      Number(b.context) - Number(a.context) ||
      PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: IdentifierMatch[] = [];
  for (const m of ordered) {
    if (kept.every((k) => m.end <= k.start || m.start >= k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
