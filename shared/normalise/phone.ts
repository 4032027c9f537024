// Phone numbers from customer exports → E.164 with region and line type, or a flag saying why not.
//
// libphonenumber-js with the 'max' metadata (~145 kB): 'min' only checks lengths, so 12345678901 would
// pass as a "possible" mainland number, and it cannot tell mobile from fixed line; 'mobile' can only
// validate mobiles, so every landline (010-12345678) would be flagged. 'max' does both, in any region.
import {
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
  type NumberType,
} from 'libphonenumber-js/max';
import { MISSING, invalid, type Invalid, type Missing } from './status';
import { normaliseText } from './text';

type PhoneType = 'mobile' | 'fixed' | 'unknown';

type PhoneProblem =
  /** Letters or other text that is not part of a number ("tel:", "无", "见备注"). */
  | 'not-a-number'
  | 'too-short'
  | 'too-long'
  /** A + or 00 prefix with no such country calling code. */
  | 'invalid-country'
  /** The right length but not a number the region's numbering plan allocates (e.g. 12345678901). */
  | 'not-valid'
  /** More than one number in the cell: the wizard asks which one to keep. */
  | 'multiple';

export type PhoneCheck =
  | {
      status: 'valid';
      /** +8613812345678 */
      e164: string;
      /** '86' */
      callingCode: string;
      /** ISO 3166-1 alpha-2 ('CN', 'HK', 'MO', 'TW' …); null for non-geographic numbers (+800 …). */
      region: string | null;
      type: PhoneType;
      /** Extension digits when the cell had one (ext. 123, 转 123); E.164 itself has no extensions. */
      extension?: string;
    }
  | Invalid<PhoneProblem>
  | Missing;

export interface PhoneOptions {
  /** Region for numbers written without a country code. Default 'CN'. */
  defaultRegion?: CountryCode;
}

/** Chinese extension markers, rewritten to the "ext" libphonenumber understands; the digits are kept. */
const EXTENSION_MARK = /\s*(?:转|轉|分机|分機)\s*/;
const LIST_SEPARATOR = /[/;,、|]|\s或\s/;
/** Hong Kong, Macao and Taiwan numbers are often written 852 9123 4567, without + or 00. */
const NEIGHBOUR_CODES = /^(?:852|853|886)/;

export function normalisePhone(
  input: string | number | null | undefined,
  options: PhoneOptions = {},
): PhoneCheck {
  if (input == null) return MISSING;
  // A spreadsheet number cell: 13812345678 arrives as a number; a fraction cannot be a phone number.
  if (typeof input === 'number' && !Number.isSafeInteger(input)) return invalid('not-a-number');
  const cleaned = normaliseText(String(input)).replace(EXTENSION_MARK, ' ext ');
  if (cleaned === '') return MISSING;
  if (cleaned.split(LIST_SEPARATOR).filter((part) => digitCount(part) >= 7).length > 1) {
    return invalid('multiple');
  }

  const region = options.defaultRegion ?? 'CN';
  const first = parse(cleaned, region);
  if (first.status === 'valid' || /^\s*(?:\+|00)/.test(cleaned)) return first;
  // Only these three codes are retried with a +: any other digit string invalid at home might be a valid
  // number somewhere in the world, and reading it as foreign would be a guess, not a normalisation.
  const digits = cleaned.replace(/[\s().-]/g, '');
  if (region === 'CN' && /^\d+$/.test(digits) && NEIGHBOUR_CODES.test(digits)) {
    const retried = parse(`+${digits}`, region);
    if (retried.status === 'valid') return retried;
  }
  return first;
}

function parse(text: string, region: CountryCode): PhoneCheck {
  try {
    const number = parsePhoneNumberWithError(text, { defaultCountry: region, extract: false });
    if (!number.isValid()) return invalid(number.isPossible() ? 'not-valid' : lengthProblem(text, region));
    const check: PhoneCheck = {
      status: 'valid',
      e164: number.number,
      callingCode: number.countryCallingCode,
      region: number.country ?? null,
      type: lineType(number.getType()),
    };
    if (number.ext) check.extension = number.ext;
    return check;
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    switch (error.message) {
      case 'INVALID_COUNTRY':
        return invalid('invalid-country');
      case 'TOO_SHORT':
      case 'TOO_SHORT_AFTER_IDD':
        return invalid('too-short');
      case 'TOO_LONG':
        return invalid('too-long');
      default:
        return invalid('not-a-number');
    }
  }
}

/** Not even a possible number: the length is wrong (INVALID_LENGTH: between two allowed lengths). */
function lengthProblem(text: string, region: CountryCode): PhoneProblem {
  const problem = validatePhoneNumberLength(text, region);
  if (problem === 'TOO_SHORT') return 'too-short';
  if (problem === 'TOO_LONG') return 'too-long';
  return 'not-valid';
}

/**
 * FIXED_LINE_OR_MOBILE (the US, Canada …) is 'unknown' rather than a guess; so are toll-free, shared-cost
 * (400 numbers), VoIP and pager numbers, which are neither a person's mobile nor a home line.
 */
function lineType(type: NumberType): PhoneType {
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE') return 'fixed';
  return 'unknown';
}

function digitCount(text: string): number {
  return (text.match(/\d/g) ?? []).length;
}
