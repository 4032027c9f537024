// Classifies one customer record under a set of rules: type (individual / business), region (with the
// evidence and any conflict), product category, sensitive personal information (PIPL Art. 28), minor,
// stale and completeness. Pure and synchronous, so a million records classify in one pass.
import { categoryIdFor } from '../../../shared/classification/category-vocabulary';
import { shiftYears, yearsBefore } from '../../../shared/classification/stale';
import { SENSITIVE_KINDS } from '../../../shared/customer';
import type { CustomerType, FieldStatus, Region, SensitiveKind } from '../../../shared/customer';
import { findIdentifiers } from '../../../shared/identifiers/detect';
import { checkResidentId } from '../../../shared/identifiers/resident-id';
import { sensitiveCategories, type SensitiveCategory } from '../../../shared/identifiers/sensitive-context';
import { customerTypeOf, firmByShape } from '../../../shared/customer/customer-type';
import { toHalfWidth } from '../../../shared/normalise/text';
import type { ClassificationRules, CompletenessField } from '../../../shared/classification/rules';
import { suggestCategory } from '../../../shared/taxonomy';
import { productRuleKey } from './product-rule-key';
import { countryFromAddress, countryFromResidentId, countryFromText, regionOf } from './region';

/** What classification reads of a record (the stored, normalised values). */
export interface RecordFacts {
  name: string | null;
  organisation: string | null;
  /** The customer-type column as written (个人, 企业, B2B …), or null. */
  customerType: string | null;
  phone: string | null;
  phoneStatus: FieldStatus;
  /** ISO 3166-1 alpha-2 of a valid phone number. */
  phoneRegion: string | null;
  email: string | null;
  emailStatus: FieldStatus;
  idNumber: string | null;
  idNumberStatus: FieldStatus;
  birthDate: string | null;
  creditCode: string | null;
  creditCodeStatus: FieldStatus;
  address: string | null;
  country: string | null;
  product: string | null;
  lastOrderDate: string | null;
  lifetimeValue: number | null;
  notes: string | null;
  extra: Record<string, string>;
}

type RegionEvidence = 'country' | 'address' | 'phone' | 'idNumber' | 'creditCode';

export interface Classification {
  type: CustomerType;
  typeDoubtful: boolean;
  region: Region;
  regionCountry: string | null;
  regionConflict: boolean;
  /** Each piece of evidence and the country it points to. */
  regionEvidence: Array<{ from: RegionEvidence; country: string }>;
  category: string | null;
  sensitive: SensitiveKind[];
  minor: boolean;
  stale: boolean;
  completeness: number;
  incomplete: boolean;
}

/** Rules with their keyword lists turned into patterns, once per run. */
export interface CompiledRules {
  rules: ClassificationRules;
  organisation: RegExp | null;
  categories: Array<{ name: string; pattern: RegExp }>;
  /** The product review's rules by folded value. */
  productRules: Map<string, string>;
  /** Each product value's category once found: a customer list repeats a few hundred values. */
  categoryCache: Map<string, string | null>;
}

/** Distinct product values remembered per run (bounded: a list of unique values gains nothing from it). */
const CATEGORY_CACHE = 50_000;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN = /^[\x20-\x7e]+$/;

/**
 * Chinese words match anywhere (有限公司 ends a name, 店 too); Latin ones only as whole words, so "Inc"
 * is not found in "Vincent" nor "car" in "card". Case is ignored.
 */
function anyOf(words: readonly string[]): RegExp | null {
  if (words.length === 0) return null;
  const parts = [...new Set(words.map((w) => toHalfWidth(w).trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((w) => (LATIN.test(w) ? `(?<![A-Za-z0-9])${escape(w)}(?![A-Za-z0-9])` : escape(w)));
  return parts.length ? new RegExp(parts.join('|'), 'i') : null;
}

export function compileRules(rules: ClassificationRules): CompiledRules {
  return {
    rules,
    organisation: anyOf(rules.organisationMarkers),
    categories: rules.categories.flatMap((c) => {
      const pattern = anyOf(c.keywords);
      return pattern ? [{ name: categoryIdFor(c.name), pattern }] : [];
    }),
    productRules: new Map(
      (rules.productRules ?? []).map((r) => [productRuleKey(r.value), categoryIdFor(r.category)]),
    ),
    categoryCache: new Map(),
  };
}

const present = (v: string | null | undefined): v is string => v != null && v.trim() !== '';
const usable = (s: FieldStatus) => s === 'valid' || s === 'legacy';

/**
 * `today` is the day of the run (ages, resident-ID birth dates); `staleBefore` the day a last order
 * must be before for the record to be stale (shared/classification/stale.ts: measured from the
 * closure's reference date).
 */
export function classifyRecord(
  facts: RecordFacts,
  compiled: CompiledRules,
  today: string,
  staleBefore: string = yearsBefore(today, compiled.rules.staleYears),
): Classification {
  const { rules } = compiled;
  const id = present(facts.idNumber) && usable(facts.idNumberStatus) ? facts.idNumber : null;
  const idCheck = id ? checkResidentId(id, { today }) : null;
  const birth =
    idCheck && (idCheck.status === 'valid' || idCheck.status === 'legacy')
      ? idCheck.birthDate
      : facts.birthDate;

  const { type, typeDoubtful } = classifyType(
    facts,
    compiled,
    idCheck?.status === 'valid' || idCheck?.status === 'legacy',
  );
  const region = classifyRegion(facts, id);
  const minor = birth !== null && isUnder(birth, rules.minorAge, today);
  const completeness = completenessOf(facts, rules.completeness.fields);
  return {
    type,
    typeDoubtful,
    // Named one by one: an object literal spreading another is many times slower to build in V8,
    // and this runs for every record.
    region: region.region,
    regionCountry: region.regionCountry,
    regionConflict: region.regionConflict,
    regionEvidence: region.regionEvidence,
    category: categoryOf(facts.product, compiled),
    sensitive: sensitiveKinds(facts, minor, today),
    minor,
    stale: facts.lastOrderDate !== null && facts.lastOrderDate < staleBefore,
    completeness,
    incomplete: completeness < rules.completeness.threshold,
  };
}

function classifyType(
  facts: RecordFacts,
  compiled: CompiledRules,
  residentId: boolean,
): { type: CustomerType; typeDoubtful: boolean } {
  const hasMarker = (v: string | null) =>
    present(v) && compiled.organisation !== null && compiled.organisation.test(toHalfWidth(v));
  const nameMarker = hasMarker(facts.name) || firmByShape(facts.name);
  const marker = nameMarker || hasMarker(facts.organisation);
  const registered = facts.creditCodeStatus === 'valid';
  // The file's own customer-type column is the strongest evidence; only a name that is plainly a
  // business's (an organisation marker, a valid credit code) overrides "individual", with the doubt flag.
  const column = customerTypeOf(facts.customerType);
  if (column === 'business') return { type: 'business', typeDoubtful: false };
  if (column === 'individual')
    return marker || registered
      ? { type: 'business', typeDoubtful: true }
      : { type: 'individual', typeDoubtful: false };
  // A contact card with a person's structured name (vCard N: family, given) and an ORG is someone who
  // works there, not the company; a card whose name is the company's has a marker or no N.
  if (
    !nameMarker &&
    !registered &&
    present(facts.name) &&
    (present(facts.extra.family_name) || present(facts.extra.given_name))
  )
    return { type: 'individual', typeDoubtful: false };
  const business = registered || marker || present(facts.organisation);
  if (business) {
    // A resident ID belongs to a person: a business record carrying one is worth a look (a sole trader
    // registered under the owner's name, or a person typed into the company column).
    return { type: 'business', typeDoubtful: residentId };
  }
  // A credit code that fails its check is the only sign of a business: perhaps a mistyped code.
  const doubtful = facts.creditCodeStatus === 'invalid';
  if (present(facts.name) || residentId) return { type: 'individual', typeDoubtful: doubtful };
  return { type: 'unknown', typeDoubtful: doubtful };
}

/**
 * The country column is what someone typed on purpose, so it wins; then the address, where the
 * customer lives; then the phone, which travels; then the identifiers, which say where a person or
 * company was registered rather than where they are now.
 */
function classifyRegion(
  facts: RecordFacts,
  residentId: string | null,
): Pick<Classification, 'region' | 'regionCountry' | 'regionConflict' | 'regionEvidence'> {
  const evidence: Classification['regionEvidence'] = [];
  const add = (from: RegionEvidence, country: string | null) => {
    if (country) evidence.push({ from, country });
  };
  add('country', countryFromText(facts.country));
  add('address', countryFromAddress(facts.address));
  add('phone', facts.phoneStatus === 'valid' ? facts.phoneRegion : null);
  add('idNumber', countryFromResidentId(residentId));
  add('creditCode', facts.creditCodeStatus === 'valid' ? 'CN' : null);
  if (evidence.length === 0)
    return { region: 'unknown', regionCountry: null, regionConflict: false, regionEvidence: evidence };
  const country = evidence[0].country;
  return {
    region: regionOf(country),
    regionCountry: country,
    regionConflict: evidence.some((e) => e.country !== country),
    regionEvidence: evidence,
  };
}

function categoryOf(product: string | null, compiled: CompiledRules): string | null {
  if (!present(product)) return null;
  const cache = compiled.categoryCache;
  const known = cache.get(product);
  if (known !== undefined) return known;
  const found = findCategory(product, compiled);
  if (cache.size < CATEGORY_CACHE) cache.set(product, found);
  return found;
}

/** A person's rule for the value; else the earliest keyword rule; else the taxonomy's suggestion. */
function findCategory(product: string, compiled: CompiledRules): string | null {
  const ruled = compiled.productRules.get(productRuleKey(product));
  if (ruled !== undefined) return ruled;
  const text = toHalfWidth(product);
  // The earliest rule wins, wherever in the text its keyword is (a product cell may list two).
  for (const c of compiled.categories) if (c.pattern.test(text)) return c.name;
  return suggestCategory(product)?.categoryId ?? null;
}

/** PIPL Art. 28 categories as Closeout's kinds; the standards' further categories are 'other'. */
const CONTEXT_KIND: Readonly<Record<SensitiveCategory, SensitiveKind>> = {
  biometric: 'biometric',
  religion: 'religion',
  'specific-identity': 'other',
  health: 'health',
  financial: 'financial',
  location: 'location',
  minor: 'minor',
  'identity-document': 'id-number',
  credentials: 'other',
  communications: 'other',
  'sex-life': 'other',
  'criminal-record': 'other',
  'marital-history': 'other',
  ethnicity: 'other',
  political: 'other',
  'trade-union': 'other',
};

const IDENTIFIER_KIND: Partial<Record<string, SensitiveKind>> = {
  'resident-id': 'id-number',
  'bank-card': 'bank-card',
  passport: 'passport',
  'travel-permit': 'passport',
};

/**
 * An identity number in its own column; identity numbers, bank cards (Luhn) and passports found in
 * free text; and keywords of the Art. 28 categories in the notes and the unmapped columns. The product
 * and address columns are not read for keywords: "心理咨询" as a product and "人民医院路" as a street
 * say what the shop sold and where the customer lives, not something about their health.
 */
function sensitiveKinds(facts: RecordFacts, minor: boolean, today: string): SensitiveKind[] {
  const kinds = new Set<SensitiveKind>();
  if (present(facts.idNumber)) kinds.add('id-number');
  if (minor) kinds.add('minor');
  const free = [facts.notes, ...Object.values(facts.extra)].filter(present);
  for (const text of [...free, facts.address].filter(present)) {
    for (const m of findIdentifiers(text, { minConfidence: 'medium', today })) {
      const kind = IDENTIFIER_KIND[m.kind];
      if (kind) kinds.add(kind);
    }
  }
  for (const text of free) for (const c of sensitiveCategories(text)) kinds.add(CONTEXT_KIND[c]);
  return SENSITIVE_KINDS.filter((k) => kinds.has(k));
}

const COMPLETENESS_VALUE: Readonly<Record<CompletenessField, (f: RecordFacts) => boolean>> = {
  name: (f) => present(f.name) || present(f.organisation),
  phone: (f) => present(f.phone) && f.phoneStatus === 'valid',
  email: (f) => present(f.email) && f.emailStatus === 'valid',
  address: (f) => present(f.address),
  idNumber: (f) => present(f.idNumber) && usable(f.idNumberStatus),
  creditCode: (f) => present(f.creditCode) && f.creditCodeStatus === 'valid',
  country: (f) => present(f.country),
  product: (f) => present(f.product),
  lastOrderDate: (f) => present(f.lastOrderDate),
  lifetimeValue: (f) => f.lifetimeValue !== null,
};

function completenessOf(facts: RecordFacts, fields: readonly CompletenessField[]): number {
  const unique = [...new Set(fields)];
  const have = unique.filter((f) => COMPLETENESS_VALUE[f](facts)).length;
  return Math.round((100 * have) / unique.length);
}

/**
 * Under `age` on `today`. Cautious at the boundary, as isMinorUnder14 is: the birthday itself still
 * counts as under, because 周岁 is counted from the day after the birthday.
 */
export function isUnder(birth: string, age: number, today: string): boolean {
  const [, m, d] = birth.split('-').map(Number);
  // Born 29 February: the birthday falls on 1 March in common years.
  const target = shiftYears(birth, age);
  const anniversary =
    m === 2 && d === 29 && target.endsWith('-02-28') ? target.slice(0, 5) + '03-01' : target;
  return today <= anniversary;
}
