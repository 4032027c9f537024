// The customer facts after an import without reading the vault again: the facts of the records already
// there (read once, before the import: nothing for a first import) plus the new records', counted as the
// import classifies them. A new record has no disposition, is merged into nothing and belongs to no
// cluster, so it adds to the counts below and to nothing else (dispositions, recipients, retention and
// pending clusters stay as they were). Each count mirrors its SQL in customerFacts; a test compares both
// on varied vaults.
import { SENSITIVE_KINDS, type CustomerField } from '../../../shared/customer';
import type { ImportedColumns } from '../../../shared/customer/columns';
import type { Classification } from '../classification/classify-record';
import { peekRules } from '../classification/rules-store';
import type { VaultDb } from '../vault/database';
import {
  CALIFORNIA_MARKS,
  EEA_COUNTRIES,
  customerFacts,
  recordedFields,
  type CustomerFacts,
} from './customer-facts';

const EEA = new Set<string>(EEA_COUNTRIES);
/** SQLite's LIKE folds the case of ASCII letters only. */
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
const CALIFORNIA_LOWER = CALIFORNIA_MARKS.map(asciiLower);
/** SQLite's BINARY collation: UTF-8 bytes in order. */
const binaryOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

export class CustomerTally {
  /** The facts before the import, read in the constructor. */
  private readonly before: CustomerFacts;
  private readonly rulesVersion: number;
  private readonly fields: Array<{ field: CustomerField; column: string }>;
  private total = 0;
  private individual = 0;
  private business = 0;
  private sensitive = 0;
  private minors = 0;
  private stale = 0;
  private unclassified = 0;
  private mainland = 0;
  private hkMoTw = 0;
  private overseas = 0;
  private eu = 0;
  private us = 0;
  private california = 0;
  private readonly kinds: number[] = SENSITIVE_KINDS.map(() => 0);
  private readonly filled: number[];
  private readonly countries = new Map<string, number>();

  /** `today`: the day the facts are for (as gatherFacts reads it). */
  constructor(
    db: VaultDb,
    readonly today: string,
  ) {
    this.before = customerFacts(db, today);
    this.rulesVersion = peekRules(db).version;
    this.fields = recordedFields(db);
    this.filled = this.fields.map(() => 0);
  }

  /** One new record, as written: its imported columns and its classification under `rulesVersion`. */
  add(columns: ImportedColumns, c: Classification, rulesVersion: number): void {
    this.total++;
    if (c.type === 'individual') this.individual++;
    else if (c.type === 'business') this.business++;
    if (c.sensitive.length > 0) {
      this.sensitive++;
      for (let i = 0; i < SENSITIVE_KINDS.length; i++)
        if (c.sensitive.includes(SENSITIVE_KINDS[i])) this.kinds[i]++;
    }
    if (c.minor) this.minors++;
    if (c.stale) this.stale++;
    if (rulesVersion !== this.rulesVersion) this.unclassified++;
    if (c.region === 'mainland') this.mainland++;
    else if (c.region === 'hk_mo_tw') this.hkMoTw++;
    else if (c.region === 'overseas') this.overseas++;
    const country = c.regionCountry;
    if (country !== null) {
      this.countries.set(country, (this.countries.get(country) ?? 0) + 1);
      if (EEA.has(country)) this.eu++;
      if (country === 'US') {
        this.us++;
        const address = columns.address === null ? null : asciiLower(columns.address);
        if (address !== null && CALIFORNIA_LOWER.some((m) => address.includes(m))) this.california++;
      }
    }
    const values = columns as unknown as Record<string, unknown>;
    for (let i = 0; i < this.fields.length; i++) {
      const value = values[this.fields[i].column];
      if (value !== null && value !== undefined && value !== '') this.filled[i]++;
    }
  }

  /** The customer facts with the records added so far: what customerFacts(db, today) reads after them. */
  facts(): CustomerFacts {
    const b = this.before;
    const total = b.total + this.total;
    const individual = b.individual + this.individual;
    const business = b.business + this.business;
    const regions = {
      mainland: b.regions.mainland + this.mainland,
      hk_mo_tw: b.regions.hk_mo_tw + this.hkMoTw,
      overseas: b.regions.overseas + this.overseas,
      unknown: 0,
    };
    regions.unknown = total - regions.mainland - regions.hk_mo_tw - regions.overseas;
    const kindBefore = new Map(b.sensitiveByKind.map((k) => [k.kind, k.records]));
    const fieldBefore = new Map(b.dataKinds.map((f) => [f.field, f.records]));
    const countries = new Map(Object.entries(b.countries));
    for (const [country, n] of this.countries) countries.set(country, (countries.get(country) ?? 0) + n);
    return {
      ...b,
      total,
      individual,
      business,
      unknownType: total - individual - business,
      withoutDisposition: b.withoutDisposition + this.total,
      sensitive: b.sensitive + this.sensitive,
      sensitiveByKind: SENSITIVE_KINDS.map((kind, i) => ({
        kind,
        records: (kindBefore.get(kind) ?? 0) + this.kinds[i],
      })).filter((k) => k.records > 0),
      minors: b.minors + this.minors,
      stale: b.stale + this.stale,
      unclassified: b.unclassified + this.unclassified,
      regions,
      // ORDER BY n DESC, country
      countries: Object.fromEntries([...countries].sort((x, y) => y[1] - x[1] || binaryOrder(x[0], y[0]))),
      eu: b.eu + this.eu,
      us: b.us + this.us,
      california: b.california + this.california,
      dataKinds: this.fields
        .map((f, i) => ({ field: f.field, records: (fieldBefore.get(f.field) ?? 0) + this.filled[i] }))
        .filter((f) => f.records > 0),
    };
  }
}
