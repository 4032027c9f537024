// Individual or business, as a careful person reads the messy generator's files, through the real engine
// on a real vault: the customer-type column (客户类型, 类型, 类别, Type … with 个人, 企业, 个体户, B2B,
// Individual …) is mapped and is the strongest evidence, a name that is plainly a business's overriding
// "individual" with the doubt flag; organisation markers beyond the mainland's (株式会社, …工業, …實業,
// …行, shops); vCards: a person's N with an ORG is the person, an ORG or a company FN is the business.
import type { CustomerRecord } from '../../../../../shared/customer';
import type { ImportRunResult } from '../../../../../shared/contract';
import {
  customerTypeCsv,
  organisationNamesCsv,
  phoneVcards,
  type MessyFile,
} from '../../../../fixtures/messy';
import { unwrap } from '../../../support/vault-fixture';
import { useMessyVault } from './support';

jest.setTimeout(180_000);

const m = useMessyVault();

/** Imports the file and returns its records by the key's row. */
async function imported(file: MessyFile, tag: string): Promise<Map<number, CustomerRecord>> {
  const path = m.write(file, tag);
  const run = unwrap(
    await m.v.engine.call('import.run', { inputs: [{ file: { path } }] }),
  ) as ImportRunResult;
  const input = run.inputs[0];
  expect(input.imported).toBe(file.key.customers.length);
  const { records } = unwrap(
    await m.v.engine.call('records.query', { limit: 500, filter: { sourceId: input.sourceId } }),
  );
  return new Map(records.map((r) => [r.sources[0].row, r]));
}

const wrongTypes = (file: MessyFile, byRow: Map<number, CustomerRecord>) =>
  file.key.customers
    .filter((c) => byRow.get(c.row)?.type !== c.type)
    .map((c) => `row ${c.row} ${c.name ?? c.organisation}: ${byRow.get(c.row)?.type}, want ${c.type}`);

it.each([1, 2, 3, 4])(
  'seed %i: the customer-type column decides, the doubt flag where the name disagrees',
  async (seed) => {
    const file = customerTypeCsv(seed);
    const byRow = await imported(file, `type-${seed}`);
    const preview = file.key.tables[0].headers;
    expect(preview.length).toBeGreaterThan(1);
    expect(wrongTypes(file, byRow)).toEqual([]);
    for (const c of file.key.customers) {
      const record = byRow.get(c.row)!;
      expect([c.row, record.customerType]).toEqual([c.row, c.typeColumn?.raw.trim() ?? null]);
      expect([c.row, c.name, record.flags.typeDoubtful]).toEqual([
        c.row,
        c.name,
        c.typeColumn?.contradictsName ?? false,
      ]);
    }
    // Each seed has names the column contradicts, so the flag is tested both ways.
    expect(file.key.customers.some((c) => c.typeColumn?.contradictsName)).toBe(true);
  },
);

it.each([1, 2, 3])(
  'seed %i: Japanese, Hong Kong and Taiwan firms and shops are businesses; 林行 is a person',
  async (seed) => {
    const file = organisationNamesCsv(seed);
    expect(wrongTypes(file, await imported(file, `org-${seed}`))).toEqual([]);
  },
);

it.each([1, 2, 3])(
  'seed %i: vCards — a person with an ORG is the person, ORG or a company FN the business',
  async (seed) => {
    const file = phoneVcards(seed);
    expect(wrongTypes(file, await imported(file, `vcard-${seed}`))).toEqual([]);
  },
);
