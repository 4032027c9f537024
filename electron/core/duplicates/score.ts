// Field-by-field scoring of a candidate pair: each field adds points when it agrees (exactly or
// fuzzily) and a conflicting identifier takes many away. The sum, clamped to 0–100, is the pair's score;
// the list of fields is its explanation. Pure.
//
// The weights say how much each kind of agreement tells: an ID number or credit code is nearly unique
// to one customer, a phone or e-mail is shared by families and offices, a name is shared by thousands
// (张伟) and an address by everyone in a building. Two different valid ID numbers mean two people, so
// that conflict outweighs a shared phone and a shared name together.
import type { FieldMatch, MatchField } from '../../../shared/duplicates';
import { nameKeys, toSimplified, type NameKeys } from '../../../shared/normalise/names';
import { foldForMatching } from '../../../shared/normalise/text';
import { KEYED_FIELDS, matchOf, type KeyedField } from '../../../shared/customer/columns';
import {
  creditCodeKey,
  emailKey,
  fieldKey,
  idNumberKey,
  phoneKey,
  phoneKeys,
  type DedupeRecord,
} from './keys';
import { bigramDice, editDistance, editSimilarity, jaroWinkler, tokenJaccard } from './similarity';

/** Pairs scoring this or more become links of a candidate cluster. */
export const CANDIDATE_THRESHOLD = 50;

const WEIGHTS = {
  idNumber: { exact: 45, fuzzy: 15, conflict: -60 },
  creditCode: { exact: 45, fuzzy: 15, conflict: -60 },
  phone: { exact: 30, shared: 10, conflict: -10 },
  email: { exact: 30, shared: 10, fromName: 10 },
  name: { exact: 25, conflict: -20 },
  address: { exact: 25 },
} as const;

/** What scoring needs of a record, computed once per record and reused for every pair it is in. */
export interface ScoringView {
  id: number;
  phone: string | null;
  /** Every number of the phone cell (keys), the phone's first. */
  phones: string[];
  email: string | null;
  /** The e-mail's local part is the name spelt out (zhanglei@163.com for 张磊). */
  emailFromName: boolean;
  /**
   * The phone (e-mail) is on more than SHARED_BY records: a switchboard, a family's number, a shop's
   * placeholder (13800000000, none@qq.com) — it tells less about who the customer is.
   */
  phoneShared: boolean;
  emailShared: boolean;
  idNumber: string | null;
  idValid: boolean;
  creditCode: string | null;
  creditValid: boolean;
  name: NameKeys | null;
  address: string | null;
  /** The numbers in the address (house, building, room), in order. */
  addressNumbers: string;
  /** The keyed fields' keys (fields.ts `match`), and whether each value is shared by many records. */
  keyed: Partial<Record<KeyedField, { key: string; shared: boolean }>>;
}

const validStatus = (status: string) => status === 'valid' || status === 'legacy';

/** More records than this with one phone or e-mail: it is shared, not one customer's. */
export const SHARED_BY = 3;

export function scoringView(
  record: DedupeRecord,
  names?: (text: string) => NameKeys | null,
  shared?: { phone: boolean; email: boolean; keyed?: Partial<Record<KeyedField, boolean>> },
): ScoringView {
  const nameText = record.name ?? record.organisation;
  const address = record.address ? foldForMatching(record.address) : '';
  const name = nameText ? (names ?? nameKeys)(nameText) : null;
  const email = emailKey(record.email);
  const keyed: ScoringView['keyed'] = {};
  for (const field of KEYED_FIELDS) {
    const key = fieldKey(field, record[field]);
    if (key !== null) keyed[field] = { key, shared: shared?.keyed?.[field] ?? false };
  }
  return {
    id: record.id,
    phone: phoneKey(record.phone),
    phones: phoneKeys(record),
    email,
    emailFromName: email !== null && name !== null && spellsName(email, name),
    phoneShared: shared?.phone ?? false,
    emailShared: shared?.email ?? false,
    idNumber: idNumberKey(record.idNumber),
    idValid: validStatus(record.idNumberStatus),
    creditCode: creditCodeKey(record.creditCode),
    creditValid: validStatus(record.creditCodeStatus),
    name,
    address: address === '' ? null : address,
    addressNumbers: numbersOf(address),
    keyed,
  };
}

/**
 * Namesakes get the same name-built address at the big free providers (zhanglei@163.com), so an
 * address that only spells the name out says little beyond the name itself.
 */
function spellsName(email: string, name: NameKeys): boolean {
  const local = email.slice(0, email.lastIndexOf('@')).replace(/[^a-z]/g, '');
  if (local === '') return false;
  const tokens = name.tokens.split(' ');
  return local === tokens.join('') || local === [...tokens].reverse().join('') || local === name.pinyin;
}

export interface PairScore {
  score: number;
  fields: FieldMatch[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function identifier(
  field: Extract<MatchField, 'idNumber' | 'creditCode'>,
  a: string | null,
  aValid: boolean,
  b: string | null,
  bValid: boolean,
): FieldMatch | null {
  if (!a || !b) return null;
  const w = WEIGHTS[field];
  if (a === b) return { field, kind: 'exact', similarity: 1, points: w.exact };
  if (aValid && bValid) return { field, kind: 'conflict', similarity: 0, points: w.conflict };
  // One of them fails its check: a typing slip in one copy looks like this.
  if (a.length === b.length && editDistance(a, b) <= 2)
    return { field, kind: 'fuzzy', similarity: round2(editSimilarity(a, b)), points: w.fuzzy };
  return null;
}

const HAN_ONLY = (k: NameKeys) => k.script === 'han';
const LATIN_ONLY = (k: NameKeys) => k.script === 'latin';

/**
 * Similarity of two names in 0–1, or null when they cannot be compared (a Chinese name and a Cantonese
 * or English one: 陳大文 and Peter Chan may well be one person, and nothing here can tell).
 */
export function nameSimilarity(a: NameKeys, b: NameKeys): number | null {
  if (a.display === b.display) return 1;
  if (a.simplified !== '' && b.simplified !== '') {
    if (a.simplified === b.simplified) return 1;
    const shorter = Math.min(a.simplified.length, b.simplified.length);
    if (shorter >= 4) {
      // Company names: 深圳市华鑫商贸有限公司, 华鑫商贸有限公司 and 华鑫商贸（深圳）有限公司 are one company.
      const x = companyCore(a);
      const y = companyCore(b);
      if (x === y) return 1;
      const contained = x.length >= 2 && y.length >= 2 && (x.includes(y) || y.includes(x));
      return Math.max(contained ? 0.9 : 0, bigramDice(x, y));
    }
    // Personal names are two to four characters, where one character differs between two people; the
    // same reading with another character (陈大文 / 陈大雯) is the typical slip of a pinyin input method.
    if (a.pinyin !== '' && a.pinyin === b.pinyin) return 0.9;
    return editSimilarity(a.simplified, b.simplified);
  }
  // 陈大文 and "Chen Dawen", or two Latin spellings: compare the sorted tokens.
  if (a.tokens === b.tokens) return 1;
  const aTokens = a.tokens.split(' ');
  const bTokens = b.tokens.split(' ');
  const overlap = tokenJaccard(aTokens, bTokens);
  const jw = jaroWinkler(a.tokens, b.tokens);
  const similarity = Math.max(overlap, jw >= 0.9 ? jw : 0);
  const comparable = (HAN_ONLY(a) && HAN_ONLY(b)) || (LATIN_ONLY(a) && LATIN_ONLY(b));
  return comparable || similarity >= 0.8 ? similarity : null;
}

// What tells two companies apart is the brand and trade in the middle, not the legal form at the end,
// the city in front or the city in brackets; comparing whole names, 有限公司 alone makes them alike.
const BRACKETED = /[（(][^）)]*[）)]/g;
const CITY_PREFIX = /^\p{Script=Han}{2,3}?[省市]/u;
const LEGAL_FORM = /(?:股份)?有限(?:责任)?公司$|集团$|分公司$|公司$/u;

function companyCore(k: NameKeys): string {
  const han = toSimplified((k.display.replace(BRACKETED, '').match(/\p{Script=Han}+/gu) ?? []).join(''));
  return han.replace(CITY_PREFIX, '').replace(LEGAL_FORM, '');
}

function nameMatch(a: NameKeys | null, b: NameKeys | null): FieldMatch | null {
  if (!a || !b) return null;
  const similarity = nameSimilarity(a, b);
  if (similarity === null) return null;
  const w = WEIGHTS.name;
  if (similarity >= 0.95) return { field: 'name', kind: 'exact', similarity: 1, points: w.exact };
  if (similarity >= 0.75)
    return {
      field: 'name',
      kind: 'fuzzy',
      similarity: round2(similarity),
      points: Math.round((w.exact * (similarity - 0.5)) / 0.5),
    };
  if (similarity < 0.5)
    return { field: 'name', kind: 'conflict', similarity: round2(similarity), points: w.conflict };
  return null;
}

const numbersOf = (folded: string) => (folded.match(/\d+/g) ?? []).join(' ');

function addressMatch(x: ScoringView, y: ScoringView): FieldMatch | null {
  const a = x.address;
  const b = y.address;
  if (!a || !b) return null;
  const w = WEIGHTS.address;
  if (a === b) return { field: 'address', kind: 'exact', similarity: 1, points: w.exact };
  // With or without the province and city in front (湖北省武汉市武昌区工业大道17号 / 武昌区工业大道17号):
  // when the shorter one is a specific address that ends the longer one, it is the same address.
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 8 && longer.endsWith(shorter))
    return { field: 'address', kind: 'exact', similarity: 1, points: w.exact };
  // 테헤란로 50 and 테헤란로 426 are different buildings however alike the rest reads.
  if (x.addressNumbers !== y.addressNumbers) return null;
  const similarity = bigramDice(a, b);
  if (similarity < 0.6) return null; // people move and share buildings: no evidence either way
  return {
    field: 'address',
    kind: 'fuzzy',
    similarity: round2(similarity),
    points: Math.round((w.exact * (similarity - 0.5)) / 0.5),
  };
}

/**
 * A keyed field (fields.ts `match`) agrees exactly: its points, fewer when the value is on many records.
 * A value that is each record's own phone number (a WeChat ID bound to the phone) is the phone's evidence,
 * already counted by the phone.
 */
function keyedMatch(field: KeyedField, a: ScoringView, b: ScoringView): FieldMatch | null {
  const x = a.keyed[field];
  const y = b.keyed[field];
  if (!x || !y || x.key !== y.key) return null;
  const match = matchOf(field);
  if (match.sameAsPhone && x.key === a.phone && y.key === b.phone) return null;
  return {
    field,
    kind: 'exact',
    similarity: 1,
    points: x.shared || y.shared ? match.shared : match.exact,
  };
}

/** Scores one pair field by field. Symmetric: scorePair(a, b) and scorePair(b, a) agree. */
export function scorePair(a: ScoringView, b: ScoringView): PairScore {
  const fields: FieldMatch[] = [];
  const add = (m: FieldMatch | null) => {
    if (m) fields.push(m);
  };
  add(identifier('idNumber', a.idNumber, a.idValid, b.idNumber, b.idValid));
  add(identifier('creditCode', a.creditCode, a.creditValid, b.creditCode, b.creditValid));
  // Any number of one record's phone cell among the other's: a customer's second number is theirs too.
  if (a.phones.some((k) => b.phones.includes(k)))
    add({
      field: 'phone',
      kind: 'exact',
      similarity: 1,
      points: a.phoneShared || b.phoneShared ? WEIGHTS.phone.shared : WEIGHTS.phone.exact,
    });
  else if (a.phone?.startsWith('+') && b.phone?.startsWith('+'))
    // Two different numbers that both dial: weak evidence against (people do change numbers), enough to
    // keep two namesakes who share a pinyin e-mail address apart.
    add({ field: 'phone', kind: 'conflict', similarity: 0, points: WEIGHTS.phone.conflict });
  if (a.email && a.email === b.email)
    add({
      field: 'email',
      kind: 'exact',
      similarity: 1,
      points:
        a.emailFromName || b.emailFromName
          ? WEIGHTS.email.fromName
          : a.emailShared || b.emailShared
            ? WEIGHTS.email.shared
            : WEIGHTS.email.exact,
    });
  for (const field of KEYED_FIELDS) add(keyedMatch(field, a, b));
  add(nameMatch(a.name, b.name));
  add(addressMatch(a, b));
  const sum = fields.reduce((total, f) => total + f.points, 0);
  return { score: Math.max(0, Math.min(100, sum)), fields };
}
