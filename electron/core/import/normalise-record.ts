// One source row + the column mapping → the values of a `customers` row: cleaned text, validated
// identifiers with their statuses, ISO dates, amounts in minor units, the name key for duplicate
// blocking and the formula-like flag. Invalid values are flagged and kept as written (cleaned of
// invisible characters and full-width digits only), never "fixed". A row with nothing that identifies
// anyone is not a customer record: it goes to quarantine with the reason.
import type { ColumnMapping, CustomerField } from '../../../shared/customer';
import {
  IDENTIFYING_FIELDS,
  hasField,
  readCells,
  type ImportedColumns,
} from '../../../shared/customer/columns';
import { checkResidentId } from '../../../shared/identifiers/resident-id';
import { validateCreditCode } from '../../../shared/identifiers/credit-code';
import { normaliseAmount } from '../../../shared/normalise/amount';
import { normaliseDate } from '../../../shared/normalise/date';
import { normaliseEmail } from '../../../shared/normalise/email';
import { nameKeys } from '../../../shared/normalise/names';
import { encodePhones, type PhoneEntry } from '../../../shared/customer/phones';
import { normalisePhone, type PhoneCheck, type PhoneOptions } from '../../../shared/normalise/phone';
import { phonePieces } from '../../../shared/normalise/phone-cell';
import { MISSING } from '../../../shared/normalise/status';
import { hasHidden, isPlaceholder, normaliseText, removeHidden } from '../../../shared/normalise/text';
import { countryFromText } from '../classification/region';
import type { SourceRow } from './types';

/** Why a mapped value was flagged, for the preview (the window translates `problem`). */
interface FieldProblem {
  field: CustomerField;
  status: 'invalid' | 'ambiguous';
  problem: string;
}

type QuarantineReason = 'no-identifying-field';

export interface NormalisedRecord {
  columns: ImportedColumns;
  problems: FieldProblem[];
  /** Set when the row is not imported as a customer. */
  quarantine: QuarantineReason | null;
}

/**
 * A cell a spreadsheet would run: = or @ first, or + / - followed by more than a number (-2+3+cmd|'/C
 * calc'!A0). +86 138 0013 8000, -1,234.50 and 0512-… are numbers to Excel, harmless however they are
 * stored, and flagging every overseas phone would make the flag meaningless.
 */
const FORMULA_LIKE = /^(?:[=@]|[+-](?![\d\s().,/+\-¥￥$€£%]*$))/;
/**
 * Excel's text marker: a leading apostrophe typed to keep 330106198907075251 from becoming 3.30106E+17.
 * It is how the value was entered, not part of it, so identifiers are read without it.
 */
const TEXT_MARK = /^\s*['\uFF07]/;
const unmark = (text: string | undefined) => (text === undefined ? undefined : text.replace(TEXT_MARK, ''));

/** Mapped values (source column text) by field, for one row. */
type PhoneRegion = NonNullable<PhoneOptions['defaultRegion']>;

type FieldValues = Partial<Record<CustomerField, string>>;

/**
 * Precomputed per mapping, so each row only walks its own values: which header goes to which field,
 * and which are kept as extra.
 */
export interface PreparedMapping {
  fields: Map<string, CustomerField>;
  skipped: Set<string>;
  /**
   * When the phone column is the first of a numbered series (a vCard's phone_1, phone_2 … with their
   * phone_1_type …): the part before the number. The series' other columns are further phones.
   */
  phoneSeries: string | null;
}

export function prepareMapping(mapping: ColumnMapping): PreparedMapping {
  const fields = new Map<string, CustomerField>();
  const skipped = new Set<string>();
  let phoneSeries: string | null = null;
  for (const [header, target] of Object.entries(mapping)) {
    if (target === 'skip') skipped.add(header);
    else if (target !== 'extra') fields.set(header, target);
    if (target === 'phone') phoneSeries = phoneSeriesOf(header);
  }
  return { fields, skipped, phoneSeries };
}

/** The series a phone column starts (phone_1 → "phone_"), or null when it is not the first of one. */
export const phoneSeriesOf = (header: string): string | null => /^(.*\D)1$/.exec(header)?.[1] ?? null;

/** The number of a series column (phone_2 → 2; phone_2_type → 2 with `type`), or null. */
function seriesIndex(header: string, series: string): { index: number; type: boolean } | null {
  if (!header.startsWith(series)) return null;
  const m = /^(\d+)(_type)?$/.exec(header.slice(series.length));
  return m ? { index: Number(m[1]), type: m[2] !== undefined } : null;
}

const clean = (text: string | undefined, mode: 'all' | 'alphanumeric' = 'all'): string | null => {
  if (text === undefined) return null;
  const value = normaliseText(text, { halfWidth: mode });
  return value === '' ? null : value;
};

/**
 * Mainland mobiles are most of every file, and libphonenumber's full parse is the import's largest cost
 * per row. Its metadata decides a mainland mobile's validity by the first five digits at most
 * (1(?:610\d|740[0-5])\d{6}|1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8}), so the verdict for
 * one number of a five-digit prefix is the verdict for all of them: it is asked once per prefix. A prefix
 * that is not a valid mobile falls through to the full parse.
 */
const MAINLAND_MOBILE = /^(?:\+86|0086)?[\s-]*(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})$/;
const mobilePrefixValid = new Map<string, boolean>();

function fastMainlandMobile(candidate: string) {
  const match = MAINLAND_MOBILE.exec(candidate);
  if (!match) return null;
  const digits = match[1] + match[2] + match[3];
  const prefix = digits.slice(0, 5);
  let valid = mobilePrefixValid.get(prefix);
  if (valid === undefined) {
    const check = normalisePhone(digits, { defaultRegion: 'CN' });
    valid = check.status === 'valid' && check.type === 'mobile' && check.e164 === `+86${digits}`;
    mobilePrefixValid.set(prefix, valid);
  }
  if (!valid) return null;
  return {
    status: 'valid' as const,
    e164: `+86${digits}`,
    callingCode: '86',
    region: 'CN',
    type: 'mobile' as const,
  };
}

/** One number of a phone cell (a piece phonePieces gave), read in the record's home region. */
function readOnePhone(candidate: string, home: string | null): PhoneCheck {
  if (home === null || home === 'CN') {
    const fast = fastMainlandMobile(candidate);
    if (fast) return fast;
  }
  const first = normalisePhone(candidate, { defaultRegion: (home ?? 'CN') as PhoneRegion });
  // Dialled from China, 00886… is Taiwan even when the record says 台湾 (whose own prefix is 002).
  if (first.status !== 'invalid' || home === null || home === 'CN' || !candidate.startsWith('00'))
    return first;
  const fromChina = normalisePhone(candidate, { defaultRegion: 'CN' });
  return fromChina.status === 'valid' ? fromChina : first;
}

/**
 * Every number of a phone cell, in order, each read on its own (the first is the phone); the same
 * number twice is kept once. The cell as written stays in phone_raw.
 */
function readPhones(
  text: string | undefined,
  home: string | null,
): Array<{ piece: string; check: PhoneCheck }> {
  if (text === undefined) return [];
  // Most cells are one mainland mobile as digits: no splitting, no clean-up to do.
  if ((home === null || home === 'CN') && MAINLAND_MOBILE.test(text)) {
    const fast = fastMainlandMobile(text);
    if (fast) return [{ piece: text, check: fast }];
  }
  const read = new Map<string, PhoneCheck>();
  const readPiece = (piece: string) => {
    let check = read.get(piece);
    if (check === undefined) read.set(piece, (check = readOnePhone(piece, home)));
    return check;
  };
  const out: Array<{ piece: string; check: PhoneCheck }> = [];
  const seen = new Set<string>();
  for (const piece of phonePieces(text.replace(TEXT_MARK, ''), (p) => readPiece(p).status === 'valid')) {
    const check = readPiece(piece);
    if (check.status === 'missing') continue;
    const id = check.status === 'valid' ? `${check.e164};${check.extension ?? ''}` : piece;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ piece, check });
  }
  return out;
}

/** Row problems that still deliver the row: it is imported, flagged with the kind. */
const MALFORMED = new Set(['too-few-fields', 'ragged', 'undecodable']);

export interface NormaliseOptions {
  /** "Today" for resident-ID birth dates (not in the future). Default: now. */
  today?: Date;
}

export function normaliseRecord(
  row: SourceRow,
  mapping: PreparedMapping,
  options: NormaliseOptions = {},
): NormalisedRecord {
  const values: FieldValues = {};
  const extra: Record<string, string> = {};
  let formulaLike = false;
  // Hidden characters (controls, ANSI escapes, bidi overrides, zero-width, a BOM inside) are removed
  // from every value and the record flagged; the raw row keeps them as read.
  let hidden = false;
  // The phone series' cells by number: [number text, type] (index 1 is the phone column's type).
  const series: Array<[string | undefined, string | undefined]> = [];
  for (const header in row.values) {
    let value = row.values[header];
    if (hasHidden(value)) {
      hidden = true;
      value = removeHidden(value);
    }
    if (mapping.skipped.has(header)) continue;
    const field = mapping.fields.get(header);
    const inSeries =
      mapping.phoneSeries !== null && field === undefined ? seriesIndex(header, mapping.phoneSeries) : null;
    if (inSeries && (inSeries.index > 1 || inSeries.type)) {
      const at = (series[inSeries.index] ??= [undefined, undefined]);
      at[inSeries.type ? 1 : 0] = isPlaceholder(value) ? '' : value;
      continue;
    }
    // 暂无, N/A, -, 0 … mean "missing" in every field (a bare 0 is still an amount).
    if (field) values[field] = isPlaceholder(value, field !== 'lifetimeValue') ? '' : value;
    else if (value.trim() !== '') extra[header] = value;
  }
  const problems: FieldProblem[] = [];
  const flag = (field: CustomerField, status: 'invalid' | 'ambiguous', problem: string) =>
    problems.push({ field, status, problem });
  /** A mapped value that could not be read as its field: kept where a person can still see it. */
  const keepAsExtra = (field: CustomerField) => {
    for (const [header, f] of mapping.fields)
      if (f === field && row.values[header] !== undefined) extra[header] = removeHidden(row.values[header]);
  };

  // Text fields and other simple ones, as the column table reads them.
  const read = readCells(values, (field, problem) => flag(field, 'invalid', problem));
  const { name, organisation, country } = read;

  const phoneText = values.phone;
  // A number without a country code is read in the record's own country when the country column names
  // one (0491 570 786 with 澳大利亚 is Australian); otherwise as a mainland number.
  const home = countryFromText(country);
  // The phone cell, then the series' further cells (a vCard's second and later TELs), each with its type.
  const cells: Array<[string | undefined, string | undefined]> = [[phoneText, series[1]?.[1]]];
  for (let i = 2; i < series.length; i++) if (series[i]?.[0] !== undefined) cells.push(series[i]);
  const numbers: Array<{ piece: string; check: PhoneCheck; type: string | undefined }> = [];
  const seen = new Set<string>();
  for (const [text, type] of cells)
    for (const n of readPhones(text, home)) {
      const id = n.check.status === 'valid' ? `${n.check.e164};${n.check.extension ?? ''}` : n.piece;
      if (seen.has(id)) continue;
      seen.add(id);
      numbers.push({ piece: n.piece, check: n.check, type: type?.trim() || undefined });
    }
  const entries: PhoneEntry[] = numbers.map(({ piece, check, type }) => {
    const entry: PhoneEntry =
      check.status === 'valid'
        ? { number: check.e164, extension: check.extension ?? null, status: 'valid' }
        : { number: piece, extension: null, status: 'invalid' };
    if (type !== undefined) entry.type = type;
    return entry;
  });
  const phone = numbers[0]?.check ?? MISSING;
  let phoneRegion: string | null = null;
  if (phone.status === 'valid') phoneRegion = phone.region;
  else if (phone.status === 'invalid') flag('phone', 'invalid', phone.problem);
  for (const further of numbers.slice(1))
    if (further.check.status === 'invalid')
      flag('phone', 'invalid', `further number: ${further.check.problem}`);

  const email = normaliseEmail(values.email ?? null);
  let emailValue: string | null = null;
  if (email.status === 'valid') emailValue = email.value;
  else if (email.status === 'invalid') {
    emailValue = clean(values.email);
    flag('email', 'invalid', email.problem);
  }

  const id = checkResidentId(unmark(values.idNumber) ?? null, options.today ? { today: options.today } : {});
  let idValue: string | null = null;
  let birthDate: string | null = null;
  if (id.status === 'valid' || id.status === 'legacy') {
    idValue = id.value;
    birthDate = id.birthDate;
  } else if (id.status === 'invalid') {
    idValue = clean(values.idNumber);
    flag('idNumber', 'invalid', id.problem);
  }

  const credit = validateCreditCode(unmark(values.creditCode) ?? null);
  let creditValue: string | null = null;
  if (credit.status === 'valid') creditValue = credit.value;
  else if (credit.status === 'invalid') {
    creditValue = clean(values.creditCode);
    flag('creditCode', 'invalid', credit.problem);
  }

  // The column is known to hold dates, so a bare number is an Excel serial (a CSV saved from Excel
  // keeps the serial when the cell was not formatted as a date).
  // nn/nn/yyyy is read in the record's own country's order when it names one (05/04/2021 is 4 May in
  // the US, 5 April in Britain); a mainland or unplaced record leaves it ambiguous for a person to decide.
  const order = home === 'US' || home === 'PH' ? 'mdy' : home && home !== 'CN' ? 'dmy' : undefined;
  const date = normaliseDate(values.lastOrderDate ?? null, { excelSerial: true, order });
  let lastOrderDate: string | null = null;
  if (date.status === 'valid') lastOrderDate = date.value;
  else if (date.status !== 'missing') {
    flag('lastOrderDate', date.status, date.problem);
    keepAsExtra('lastOrderDate');
  }

  const amount = normaliseAmount(values.lifetimeValue ?? null);
  let cents: number | null = null;
  let currency: string | null = null;
  if (amount.status === 'valid') {
    cents = amount.cents;
    currency = amount.currency;
  } else if (amount.status === 'invalid') {
    flag('lifetimeValue', 'invalid', amount.problem);
    keepAsExtra('lifetimeValue');
  }

  // Formula injection: any cell of the row, mapped or not, as written.
  for (const header in row.values) {
    if (FORMULA_LIKE.test(row.values[header].trimStart())) {
      formulaLike = true;
      break;
    }
  }

  // The read columns first, then the others (the order of the keys is the spread's), added to `read`
  // itself: a literal spreading `read` costs V8 tens of microseconds per row (its shape is rebuilt), and
  // on Node 20 ≈ 14 KB a record that outlives two young-generation collections and is promoted.
  const columns: ImportedColumns = Object.assign(read, {
    phone: entries[0]?.number ?? null,
    // As written: the phone cell, and a series' further cells one per line (so all are searched).
    phone_raw: rawPhones(cells),
    phone_status: phone.status,
    phone_region: phoneRegion,
    phones: encodePhones(entries),
    email: emailValue,
    email_status: email.status,
    id_number: idValue,
    id_number_status: id.status,
    birth_date: birthDate,
    credit_code: creditValue,
    credit_code_status: credit.status,
    last_order_date: lastOrderDate,
    lifetime_value: cents,
    currency,
    extra: jsonObject(extra),
    name_key: null,
    formula_like: formulaLike ? 1 : 0,
    hidden_characters: hidden ? 1 : 0,
    malformed: row.problem && MALFORMED.has(row.problem) ? row.problem : null,
  });
  const keyOf = name ?? organisation;
  if (keyOf) columns.name_key = nameKey(keyOf);

  const identified = IDENTIFYING_FIELDS.some((field) => hasField(columns, field));
  return { columns, problems, quarantine: identified ? null : 'no-identifying-field' };
}

/**
 * Name keys by name: pinyin is the second largest cost per row, and names repeat (the same person in
 * several files, common given names). Bounded: cleared when full, so memory does not grow with the file.
 */
const NAME_KEY_CACHE_SIZE = 50_000;
const nameKeyCache = new Map<string, string | null>();

function nameKey(name: string): string | null {
  let key = nameKeyCache.get(name);
  if (key === undefined) {
    key = nameKeys(name)?.tokens || null;
    if (nameKeyCache.size >= NAME_KEY_CACHE_SIZE) nameKeyCache.clear();
    nameKeyCache.set(name, key);
  }
  return key;
}

function rawPhones(cells: ReadonlyArray<[string | undefined, string | undefined]>): string | null {
  const written = cells.map(([text]) => text).filter((t): t is string => t !== undefined && t.trim() !== '');
  return written.length > 0 ? written.join('\n') : null;
}

/** `{}` without calling JSON.stringify for the (common) row with no extra fields. */
function jsonObject(value: Record<string, string>): string {
  for (const _ in value) return JSON.stringify(value);
  return '{}';
}
