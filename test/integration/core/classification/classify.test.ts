// Classification, overrides, dispositions and statistics on a real vault, after importing a generated
// CSV through the engine: exact counts against the generator's truth (kind, region, minors, stale,
// sensitive, categories), a rule change + reclassify, overrides that survive it, dispositions by rule
// (dry run first) and by hand, and every change in the audit chain.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDay } from '../../../../electron/core/classification/classify';
import { yearsBefore } from '../../../../shared/classification/stale';
import { countryFromAddress } from '../../../../electron/core/classification/region';
import { openVaultDatabase, type VaultDb } from '../../../../electron/core/vault/database';
import { DEFAULT_RULES } from '../../../../shared/classification/default-rules';
import { suggestCategory } from '../../../../shared/taxonomy';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { generateCustomers, type GeneratedCustomer } from '../../../fixtures/customers';
import { encodeCsv } from '../../../fixtures/write-csv';
import { makeVault, OPERATOR_PASS, OWNER_PASS, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(180_000);

const N = 3000;
const TODAY = localDay(new Date());
let v: VaultFixture;
let customers: GeneratedCustomer[];

interface Stored {
  id: number;
  source_line: number;
  type: string;
  type_doubtful: number;
  region: string;
  region_country: string | null;
  region_conflict: number;
  category: string | null;
  sensitive: string;
  minor: number;
  stale: number;
  country: string | null;
  phone_status: string;
  id_number_status: string;
  credit_code_status: string;
  address: string | null;
  rules_version: number;
  disposition: string | null;
  disposition_basis: string | null;
  retain_until: string | null;
  last_order_date: string | null;
  overrides: string;
}

function peek<T>(fn: (db: VaultDb) => T): T {
  const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const stored = (): Stored[] =>
  peek((db) => db.prepare('SELECT * FROM customers ORDER BY id').all() as Stored[]);
/** CSV: the header is row 1, so generated row i is source line i + 2. */
const truthOf = (s: Stored) => customers[s.source_line - 2];

const count = <T>(items: readonly T[], pick: (item: T) => boolean) => items.filter(pick).length;

/** The default rules' category for each product the generator sells (null: none of its keywords). */
const CATEGORY: Record<string, string | null> = {
  会员卡: 'prepaid-membership',
  咨询服务: 'consulting',
  家电维修: 'repair-maintenance',
  培训课程: 'training',
  美容护理套餐: 'beauty-care',
  健身年卡: 'prepaid-membership',
  软件订阅: 'software-it',
  装修设计: 'construction-decoration',
  摄影套餐: 'photography-events',
  儿童英语课: 'training',
  宠物美容: 'pets',
  体检套餐: 'health-medical',
  家政服务: 'cleaning',
  汽车保养: 'repair-maintenance',
  留学咨询: 'education',
  餐饮储值卡: 'prepaid-membership',
  洗衣卡: 'prepaid-membership',
  口腔护理: 'health-medical',
  心理咨询: 'health-medical',
  月子中心套餐: 'health-medical',
  企业咨询服务: 'consulting',
  设备维保合同: 'repair-maintenance',
  办公用品采购: null,
  软件定制开发: 'software-it',
  广告投放: null,
};
const ORDER = DEFAULT_RULES.categories.map((c) => c.name);

/**
 * A cell naming two products ("A；B") goes to whichever one's category comes first in the rules; one that
 * no keyword matches, to the built-in taxonomy's suggestion.
 */
function expectedCategory(product: string): string | null {
  const found = product.split('；').map((p) => {
    if (!(p in CATEGORY)) throw new Error(`no expected category for ${p}`);
    return CATEGORY[p];
  });
  const ranked = found
    .filter((c): c is string => c !== null)
    .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return ranked[0] ?? suggestCategory(product)?.categoryId ?? null;
}

const REGION: Record<string, string> = { CN: 'mainland', HK: 'hk_mo_tw', MO: 'hk_mo_tw', TW: 'hk_mo_tw' };
const expectedRegion = (c: GeneratedCustomer) => REGION[c.truth.region] ?? 'overseas';
const usableId = (c: GeneratedCustomer) => c.truth.idStatus === 'valid' || c.truth.idStatus === 'legacy-15';
/** Under 14, counting the 14th birthday itself as under (周岁 count from the day after; see resident-id.ts). */
const expectedMinor = (c: GeneratedCustomer) =>
  usableId(c) && (c.truth.minor || c.truth.birthDate === yearsBefore(TODAY, 14));
const expectedStale = (c: GeneratedCustomer, years: number) =>
  c.truth.lastOrderDate !== null && c.truth.lastOrderDate < yearsBefore(TODAY, years);
const expectedSensitive = (c: GeneratedCustomer) =>
  c.truth.idNumber !== null || c.truth.sensitive.length > 0 || expectedMinor(c);
/** No evidence of place at all: no country, no valid phone, no usable ID or credit code, an address naming none. */
const noEvidence = (s: Stored) =>
  !s.country &&
  s.phone_status !== 'valid' &&
  s.id_number_status !== 'valid' &&
  s.id_number_status !== 'legacy' &&
  s.credit_code_status !== 'valid' &&
  countryFromAddress(s.address) === null;

beforeAll(async () => {
  v = await makeVault();
  // "Today" for the generator is the classification day, so its minors and order dates line up.
  customers = [...generateCustomers(4242, N, { asOf: TODAY, minorRate: 0.05, sensitiveNoteRate: 0.05 })];
  const file = join(v.dir, 'customers.csv');
  writeFileSync(
    file,
    encodeCsv(
      customers.map((c) => c.row),
      { header: 'en' },
    ),
  );
  const imported = unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: file } }] }));
  expect(imported.totals).toMatchObject({ imported: N, quarantined: 0 });
  expect(imported.classified).toBe(N);
});
afterAll(() => v.remove());

describe('classification after an import', () => {
  it('the registry knows how many records have no disposition (the Dashboard, without unlocking)', async () => {
    const [summary] = unwrap(await v.engine.call('vault.list', {}));
    expect(summary).toMatchObject({ customers: N, withoutDisposition: N });
  });

  it('stores the default rules as version 1 and classifies every record under it', async () => {
    const rules = unwrap(await v.engine.call('classification.rules', {}));
    expect(rules).toMatchObject({ stored: true, current: { version: 1, body: DEFAULT_RULES } });
    expect(stored().every((s) => s.rules_version === 1)).toBe(true);
  });

  it('type: business exactly for the generated businesses; nothing doubtful, nothing unknown', () => {
    const rows = stored();
    expect(
      count(rows, (s) => s.type !== (truthOf(s).truth.kind === 'business' ? 'business' : 'individual')),
    ).toBe(0);
    expect(count(rows, (s) => s.type === 'business')).toBe(
      count(customers, (c) => c.truth.kind === 'business'),
    );
    expect(count(rows, (s) => s.type_doubtful === 1)).toBe(0);
  });

  it('region: each record in its true region and country, or unknown only with no evidence at all', () => {
    const rows = stored();
    const placed = rows.filter((s) => s.region !== 'unknown');
    expect(placed.filter((s) => s.region !== expectedRegion(truthOf(s))).map((s) => s.source_line)).toEqual(
      [],
    );
    expect(
      placed.filter((s) => s.region_country !== truthOf(s).truth.region).map((s) => s.source_line),
    ).toEqual([]);
    expect(rows.filter((s) => s.region === 'unknown' && !noEvidence(s)).map((s) => s.source_line)).toEqual(
      [],
    );
    expect(count(rows, (s) => s.region_conflict === 1)).toBe(0);
    expect(count(rows, (s) => s.region === 'hk_mo_tw')).toBe(
      count(customers, (c) => c.truth.kind === 'greater-china'),
    );
    expect(count(rows, (s) => s.region === 'overseas')).toBe(
      count(customers, (c) => c.truth.kind === 'overseas'),
    );
  });

  it('category: the first matching rule for each product, else the taxonomy, unmatched ones left null', () => {
    const rows = stored();
    expect(
      rows.filter((s) => s.category !== expectedCategory(truthOf(s).row.product)).map((s) => s.source_line),
    ).toEqual([]);
  });

  it('minors (under 14 by the ID), stale (3 years) and sensitive match the truth exactly', async () => {
    const rows = stored();
    const minors = count(customers, expectedMinor);
    expect(minors).toBeGreaterThan(10);
    expect(
      rows
        .filter((s) => (s.minor === 1) !== expectedMinor(truthOf(s)))
        .map((s) => [
          s.source_line,
          s.id_number_status,
          truthOf(s).truth.birthDate,
          truthOf(s).truth.idStatus,
          truthOf(s).truth.minor,
        ]),
    ).toEqual([]);
    expect(count(rows, (s) => s.minor === 1)).toBe(minors);
    expect(rows.filter((s) => (s.stale === 1) !== expectedStale(truthOf(s), 3)).length).toBe(0);
    const wrong = rows.filter((s) => (s.sensitive !== '') !== expectedSensitive(truthOf(s)));
    expect(wrong.map((s) => [s.source_line, s.sensitive, truthOf(s).row.notes])).toEqual([]);
    // Each kind of note the generator writes is found as that kind.
    for (const s of rows) {
      const kinds = s.sensitive.split(',');
      for (const k of truthOf(s).truth.sensitive)
        expect({ line: s.source_line, k, has: kinds.includes(k) }).toEqual({
          line: s.source_line,
          k,
          has: true,
        });
      if (truthOf(s).truth.cardNumber && truthOf(s).row.notes) expect(kinds).toContain('bank-card');
    }

    const stats = unwrap(await v.engine.call('records.stats', {}));
    expect(stats).toMatchObject({
      customers: N,
      type: {
        business: count(customers, (c) => c.truth.kind === 'business'),
        individual: count(customers, (c) => c.truth.kind !== 'business'),
        unknown: 0,
      },
      flags: {
        minor: minors,
        stale: count(customers, (c) => expectedStale(c, 3)),
        sensitive: count(customers, expectedSensitive),
        no_activity_date: count(customers, (c) => c.truth.lastOrderDate === null),
        type_doubtful: 0,
        region_conflict: 0,
      },
      disposition: { none: N, RETAIN: 0, TRANSFER: 0, ANONYMISE: 0, DESTROY: 0 },
      unclassified: 0,
      rulesVersion: 1,
    });
    expect(stats.region.hk_mo_tw).toBe(count(customers, (c) => c.truth.kind === 'greater-china'));
    expect(Object.values(stats.categories).reduce((a, b) => a + b, 0)).toBe(N);
    expect(stats.categories.unmatched).toBe(
      count(customers, (c) => expectedCategory(c.row.product) === null),
    );
    expect(stats.categories['prepaid-membership']).toBe(
      count(customers, (c) => expectedCategory(c.row.product) === 'prepaid-membership'),
    );
  });
});

describe('rules, reclassification and overrides', () => {
  it('refuses invalid rules with a clear error and changes nothing', async () => {
    const res = await v.engine.call('classification.saveRules', {
      rules: { ...DEFAULT_RULES, staleYears: 0 },
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('INVALID_INPUT');
    expect(unwrap(await v.engine.call('classification.rules', {})).current.version).toBe(1);
  });

  it('an override survives a rule change and reclassification; the rest follow the new rules', async () => {
    const rows = stored();
    const person = rows.find((s) => s.type === 'individual' && s.stale === 1)!;
    const overridden = unwrap(
      await v.engine.call('classification.override', {
        ids: [person.id],
        set: { type: 'business', category: '软件', flags: { stale: false } },
      }),
    );
    expect(overridden.updated).toBe(1);
    const after = stored().find((s) => s.id === person.id)!;
    // 软件, the name earlier default rules used, is stored as its taxonomy id, as the rules store it.
    expect(after).toMatchObject({ type: 'business', category: 'software-it', stale: 0 });

    const rules = {
      ...DEFAULT_RULES,
      staleYears: 5,
      categories: [{ name: '预付卡', keywords: ['会员卡', '储值'] }, ...DEFAULT_RULES.categories.slice(1)],
    };
    const saved = unwrap(
      await v.engine.call('classification.saveRules', { rules, note: 'five years', reclassify: true }),
    );
    expect(saved).toEqual({ version: 2, reclassified: N });

    const now = stored();
    expect(now.every((s) => s.rules_version === 2)).toBe(true);
    expect(
      now.filter((s) => s.id !== person.id && (s.stale === 1) !== expectedStale(truthOf(s), 5)).length,
    ).toBe(0);
    expect(now.find((s) => s.id === person.id)).toMatchObject({
      type: 'business',
      category: 'software-it',
      stale: 0,
    });
    const stats = unwrap(await v.engine.call('records.stats', {}));
    expect(stats.categories['prepaid-membership']).toBeUndefined();
    expect(stats.categories['预付卡']).toBeGreaterThan(0);

    // Cleared, the record goes back to what the rules say.
    unwrap(
      await v.engine.call('classification.override', {
        ids: [person.id],
        set: { type: null, category: null, flags: { stale: null } },
      }),
    );
    expect(stored().find((s) => s.id === person.id)).toMatchObject({ type: 'individual', overrides: '{}' });

    const history = unwrap(await v.engine.call('classification.rules', {}));
    expect(history.history.map((h) => h.version)).toEqual([2, 1]);
    const audit = unwrap(await v.engine.call('audit.list', { limit: 20 }));
    expect(audit.find((e) => e.op === 'classification.saveRules')).toMatchObject({
      counts: { classified: N },
    });
    expect(audit.filter((e) => e.op === 'classification.override').map((e) => e.params.ids)).toEqual([
      [person.id],
      [person.id],
    ]);
  });

  it('a cancelled reclassification with new rules commits nothing: no new version, no record touched', async () => {
    const before = stored();
    const auditBefore = unwrap(await v.engine.call('audit.list', { limit: 1 }))[0].seq;
    const jobId = 'classify-cancel-1';
    const pending = v.engine.call(
      'classification.run',
      { rules: { ...DEFAULT_RULES, staleYears: 1 } },
      { jobId },
    );
    await v.engine.call('job.cancel', { job: jobId });
    const res = await pending;
    expect(res.ok ? 'ok' : res.error.code).toBe('CANCELLED');
    expect(unwrap(await v.engine.call('classification.rules', {})).current.version).toBe(2);
    expect(stored()).toEqual(before);
    expect(unwrap(await v.engine.call('audit.list', { limit: 1 }))[0].seq).toBe(auditBefore);
  });

  it('overrides in bulk by filter: every matching record, audited with the count and the ids', async () => {
    const overseas = stored().filter((s) => s.region === 'overseas');
    const r = unwrap(
      await v.engine.call('classification.override', {
        filter: { region: 'overseas' },
        set: { category: '' },
      }),
    );
    expect(r.updated).toBe(overseas.length);
    const stats = unwrap(await v.engine.call('records.stats', {}));
    expect(stats.categories.unmatched).toBeGreaterThanOrEqual(overseas.length);
    expect(stored().filter((s) => s.region === 'overseas' && s.category !== null)).toEqual([]);
    const [entry] = unwrap(await v.engine.call('audit.list', { op: 'classification.override', limit: 1 }));
    expect(entry.counts.updated).toBe(overseas.length);
    expect(entry.params.ids).toEqual(overseas.map((s) => s.id));
    // Hand the category back to the rules.
    unwrap(
      await v.engine.call('classification.override', {
        filter: { region: 'overseas' },
        set: { category: null },
      }),
    );
    expect(stored().filter((s) => s.region === 'overseas' && s.overrides !== '{}')).toEqual([]);
  });

  it('classification.run reclassifies a filter of records and audits the count', async () => {
    const business = count(stored(), (s) => s.type === 'business');
    const r = unwrap(await v.engine.call('classification.run', { filter: { type: 'business' } }));
    expect(r).toEqual({
      classified: business,
      rulesVersion: 2,
      savedRules: false,
      staleReference: { date: TODAY, source: 'today', years: 5, before: yearsBefore(TODAY, 5) },
    });
  });
});

describe('dispositions', () => {
  it('a dry run counts and changes nothing; the real run sets them; manual ones are kept', async () => {
    const rows = stored();
    const staleCount = count(rows, (s) => s.stale === 1);
    const manual = rows.find((s) => s.stale === 1)!;
    const set = unwrap(
      await v.engine.call('dispositions.set', {
        ids: [manual.id],
        set: { disposition: 'TRANSFER', recipient: '杭州承接商贸有限公司' },
      }),
    );
    expect(set.updated).toBe(1);
    const refused = await v.engine.call('dispositions.set', {
      ids: [manual.id],
      set: { disposition: 'RETAIN', basis: '' } as never,
    });
    expect(refused.ok).toBe(false);

    const rules = [
      { when: { flags: { stale: true } }, set: { disposition: 'DESTROY' as const } },
      {
        when: { type: 'business' as const },
        set: { disposition: 'RETAIN' as const, preset: 'accounting-30y' as const },
      },
      { when: { disposition: null }, set: { disposition: 'ANONYMISE' as const } },
    ];
    expect(unwrap(await v.engine.call('vault.list', {}))[0]).toMatchObject({ withoutDisposition: N - 1 });
    const dry = unwrap(await v.engine.call('dispositions.apply', { rules, dryRun: true }));
    expect(dry.dryRun).toBe(true);
    expect(dry.rules[0].matched).toBe(staleCount);
    expect(dry.keptManual).toBe(1);
    expect(dry.disposition.none).toBe(0);
    expect(dry.disposition.TRANSFER).toBe(1);
    expect(dry.disposition.DESTROY).toBe(staleCount - 1);
    expect(unwrap(await v.engine.call('records.stats', {})).disposition.none).toBe(N - 1);

    const real = unwrap(await v.engine.call('dispositions.apply', { rules }));
    expect({ ...real, dryRun: true }).toEqual(dry);
    const after = stored();
    expect(count(after, (s) => s.disposition === null)).toBe(0);
    expect(after.find((s) => s.id === manual.id)!.disposition).toBe('TRANSFER');
    const kept = after.filter((s) => s.disposition === 'RETAIN');
    expect(kept.length).toBe(count(after, (s) => s.type === 'business' && s.stale === 0));
    for (const s of kept) {
      const year = Number((s.last_order_date ?? TODAY).slice(0, 4)) + 30;
      expect(s.retain_until).toBe(`${year}-12-31`);
      expect(s.disposition_basis).toContain('会计档案管理办法');
    }
    const stats = unwrap(await v.engine.call('records.stats', {}));
    expect(stats.disposition).toEqual(real.disposition);

    expect(unwrap(await v.engine.call('vault.list', {}))[0]).toMatchObject({
      customers: N,
      withoutDisposition: 0,
    });

    // The same rules again change nothing.
    const again = unwrap(await v.engine.call('dispositions.apply', { rules }));
    expect(again.changed).toBe(0);
    const audit = unwrap(await v.engine.call('audit.list', { op: 'dispositions.apply', limit: 10 }));
    expect(audit).toHaveLength(2);
    expect(audit[1].counts.changed).toBe(N - 1);
  });
});

describe('roles', () => {
  it('an operator reclassifies and decides dispositions but may not change the rules', async () => {
    unwrap(
      await v.engine.call('users.add', { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS }),
    );
    unwrap(await v.engine.call('vault.lock', {}));
    unwrap(
      await v.engine.call('vault.unlock', {
        vault: { path: v.file },
        userName: 'operator',
        passphrase: OPERATOR_PASS,
      }),
    );
    try {
      const withRules = await v.engine.call('classification.run', { rules: DEFAULT_RULES });
      expect(withRules.ok ? 'ok' : withRules.error.code).toBe('NOT_ALLOWED');
      const save = await v.engine.call('classification.saveRules', { rules: DEFAULT_RULES });
      expect(save.ok ? 'ok' : save.error.code).toBe('NOT_ALLOWED');
      expect(unwrap(await v.engine.call('classification.run', {})).classified).toBe(N);
      const dry = unwrap(
        await v.engine.call('dispositions.apply', {
          rules: [{ when: {}, set: { disposition: 'DESTROY' } }],
          dryRun: true,
        }),
      );
      expect(dry.rules[0].matched).toBe(N);
    } finally {
      unwrap(await v.engine.call('vault.lock', {}));
      unwrap(
        await v.engine.call('vault.unlock', {
          vault: { path: v.file },
          userName: 'owner',
          passphrase: OWNER_PASS,
        }),
      );
    }
  });
});

describe('region conflicts', () => {
  it('lists which field said what when the evidence disagrees', async () => {
    const file = join(v.dir, 'conflict.csv');
    writeFileSync(
      file,
      '客户名称,联系电话,国家/地区,地址\r\n陈大文,+86 138 0013 8000,香港,广东省深圳市南山区科技路1号\r\n',
    );
    const r = unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: file } }] }));
    const row = peek(
      (db) =>
        db
          .prepare(
            'SELECT region, region_country, region_conflict, region_evidence FROM customers WHERE source_id = ?',
          )
          .get(r.inputs[0].sourceId) as Record<string, unknown>,
    );
    expect(row).toEqual({
      region: 'hk_mo_tw',
      region_country: 'HK',
      region_conflict: 1,
      region_evidence: JSON.stringify([
        { from: 'country', country: 'HK' },
        { from: 'address', country: 'CN' },
        { from: 'phone', country: 'CN' },
      ]),
    });
    expect(unwrap(await v.engine.call('records.stats', {})).flags.region_conflict).toBe(1);
  });
});
