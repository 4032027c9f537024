// The Records page's filter links (pages/records/filter-hash.ts): any filter the engine accepts survives
// the trip into `#/records?filter=…` and back, whatever its text holds; a link that is not a filter is
// flagged and ignored; cleanFilter drops only empty parts. Filters are generated from the engine's own
// schema, so a new flag or status field is covered as soon as it exists.
import fc from 'fast-check';
import { recordFilterSchema, type RecordFilter } from '../../../shared/records';
import { cleanFilter, filterFromHash, recordsHref } from '../../../renderer/src/pages/records/filter-hash';

const shape = recordFilterSchema.shape;
const FLAG_KEYS = Object.keys(shape.flags.unwrap().shape);
const STATUS_KEYS = Object.keys(shape.status.unwrap().shape);
const enumValues = (schema: { options: readonly string[] }) => fc.constantFrom(...schema.options);
const STATUS = enumValues(shape.status.unwrap().shape.phone.unwrap());

/** Text with what breaks naive links: & = ? # % + quotes, Chinese, emoji, lone surrogates excluded. */
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max, unit: 'grapheme' }),
    fc.constantFrom('办公用品', 'a&b=c?d#e%f+g', '"quoted"', ' spaced ', '100%', '💼 礼品'),
  );

const filter: fc.Arbitrary<RecordFilter> = fc.record(
  {
    type: enumValues(shape.type.unwrap()),
    region: enumValues(shape.region.unwrap()),
    regionCountry: fc.stringMatching(/^[A-Z]{2}$/),
    category: fc.option(text(200), { nil: null }),
    disposition: fc.option(enumValues(shape.disposition.unwrap().unwrap()), { nil: null }),
    flags: fc.record(Object.fromEntries(FLAG_KEYS.map((k) => [k, fc.boolean()])), { requiredKeys: [] }),
    status: fc.record(Object.fromEntries(STATUS_KEYS.map((k) => [k, STATUS])), { requiredKeys: [] }),
    sourceId: fc.string({ minLength: 1, maxLength: 100 }),
    cluster: fc.oneof(fc.integer({ min: 1, max: 2 ** 31 }), fc.boolean()),
    includeMerged: fc.boolean(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<RecordFilter>;

describe('records filter links', () => {
  test('the generated filters are ones the engine accepts', () => {
    fc.assert(fc.property(filter, (f) => expect(recordFilterSchema.safeParse(f).success).toBe(true)));
  });

  test('filter → link → the same filter', () => {
    fc.assert(
      fc.property(filter, (f) => {
        const href = recordsHref(f);
        expect(href.startsWith('#/records?filter=')).toBe(true);
        // One query parameter, nothing in the link that could end it early or start a fragment.
        expect(href.slice(1)).not.toMatch(/[#&\s]/);
        expect(filterFromHash(href)).toEqual({ filter: f, invalid: false });
      }),
    );
  });

  test('cleanFilter keeps what matters and is idempotent; a cleaned filter round-trips too', () => {
    fc.assert(
      fc.property(filter, (f) => {
        const cleaned = cleanFilter(f);
        expect(cleanFilter(cleaned)).toEqual(cleaned);
        expect(filterFromHash(recordsHref(cleaned)).filter).toEqual(cleaned);
        for (const [key, value] of Object.entries(f)) {
          const empty = value !== null && typeof value === 'object' && Object.keys(value).length === 0;
          if (empty) expect(cleaned).not.toHaveProperty(key);
          else expect(cleaned).toHaveProperty([key], value);
        }
      }),
    );
    expect(cleanFilter({ flags: { minor: undefined }, status: {}, type: undefined })).toEqual({});
    expect(cleanFilter({ category: null, disposition: null })).toEqual({ category: null, disposition: null });
  });

  test('no filter in the hash: no filter, no warning', () => {
    expect(filterFromHash('#/records')).toEqual({ filter: {}, invalid: false });
    expect(filterFromHash('')).toEqual({ filter: {}, invalid: false });
    expect(filterFromHash('#/records?other=1')).toEqual({ filter: {}, invalid: false });
  });

  test('a link that is not a filter the engine accepts is flagged and ignored', () => {
    const bad = [
      'not json',
      '{',
      '[]',
      'null',
      '42',
      JSON.stringify({ type: 'alien' }),
      JSON.stringify({ unknownKey: true }),
      JSON.stringify({ flags: { minor: 'yes' } }),
      JSON.stringify({ regionCountry: 'CHN' }),
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{}}}',
    ];
    for (const raw of bad)
      expect(filterFromHash(`#/records?filter=${encodeURIComponent(raw)}`)).toEqual({
        filter: {},
        invalid: true,
      });
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const read = filterFromHash(`#/records?filter=${encodeURIComponent(raw)}`);
        // Whatever the text, the answer is a filter the engine accepts (possibly the empty one).
        expect(recordFilterSchema.safeParse(read.filter).success).toBe(true);
        if (read.invalid) expect(read.filter).toEqual({});
      }),
    );
  });

  test('a country code in lower case is read as the engine reads it', () => {
    const href = `#/records?filter=${encodeURIComponent(JSON.stringify({ regionCountry: 'hk' }))}`;
    expect(filterFromHash(href)).toEqual({ filter: { regionCountry: 'HK' }, invalid: false });
  });
});
