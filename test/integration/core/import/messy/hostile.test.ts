// Every file of the hostile-file suite (each messy kind, seeded random bytes, damaged workbooks, broken
// JSON and vCard) through import.preview and import.run on a real vault, and through the CLI: whatever
// happens, what reaches the person is a result or one catalogue error, never a raw JavaScript error
// (`Cannot read properties`, `TypeError`, `undefined`, a stack frame). A refusal changes nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSY_KINDS, type MessKind } from '../../../../fixtures/messy';
import { workbookParts, zipParts } from '../../../../fixtures/messy/xlsx';
import { cliEnv, runCli } from '../../../helpers';
import { makeVault, OWNER_PASS, type VaultFixture } from '../../../support/vault-fixture';
import { peek } from '../support/peek';

jest.setTimeout(600_000);

const RAW_JS =
  /Cannot read propert|TypeError|ReferenceError|RangeError|SyntaxError|is not a function|\bundefined\b|\bnull\b \(reading|\n\s+at \S+ \(|at Object\.<anonymous>|node:internal/;

function randomBytes(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** Damaged workbooks and text the messy kinds do not cover. */
function extraFiles(): Array<{ name: string; bytes: Buffer }> {
  const style = { prefix: false, cellReferences: 'all' as const };
  const table = {
    sheet: 'S',
    holdsCustomers: true,
    why: '',
    headers: ['姓名', '电话'],
    rows: [],
  } as unknown as Parameters<typeof workbookParts>[0][number];
  const parts = workbookParts([table], style);
  const broken = (patch: (p: Record<string, string>) => void) => {
    const copy = { ...parts };
    patch(copy);
    return zipParts(copy);
  };
  return [
    { name: 'random-1.csv', bytes: randomBytes(1, 4096) },
    { name: 'random-2.xlsx', bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(2, 4096)]) },
    { name: 'random-3.vcf', bytes: randomBytes(3, 1000) },
    {
      name: 'bad-sheet-xml.xlsx',
      bytes: broken(
        (p) => (p['xl/worksheets/sheet1.xml'] = '<worksheet><sheetData><row><c t="s"><v>0</v></row>'),
      ),
    },
    {
      name: 'entity.xlsx',
      bytes: broken(
        (p) =>
          (p['xl/worksheets/sheet1.xml'] =
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&a;&b;</t></is></c></row></sheetData></worksheet>'),
      ),
    },
    { name: 'no-workbook.xlsx', bytes: broken((p) => delete p['xl/workbook.xml']) },
    { name: 'no-sheet.xlsx', bytes: broken((p) => delete p['xl/worksheets/sheet1.xml']) },
    {
      name: 'bad-shared-string.xlsx',
      bytes: broken(
        (p) =>
          (p['xl/worksheets/sheet1.xml'] =
            '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="ZZZZZZ1"><v>x</v></c></row></sheetData></worksheet>'),
      ),
    },
    { name: 'truncated.json', bytes: Buffer.from('[{"name":"张三","phone":"13800138000"},{"name":"李') },
    { name: 'scalar.json', bytes: Buffer.from('[1, "x", null, {"a": {"b": {"c": [1,2,3]}}}]') },
    {
      name: 'broken.vcf',
      bytes: Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0=\r\nTEL:\r\n'),
    },
    { name: 'quotes.csv', bytes: Buffer.from('姓名,电话\r\n"张三"x,138\r\n"李四,139\r\n') },
    { name: 'nul.csv', bytes: Buffer.from('姓名,电话\u0000\r\n\u0000,\u0000\r\n') },
  ];
}

const files: Array<{ name: string; bytes: Buffer }> = [
  ...(Object.keys(MESSY_KINDS) as MessKind[]).flatMap((kind) =>
    [1, 2].map((seed) => {
      const f = MESSY_KINDS[kind](seed);
      return { name: `${kind}-${seed}-${f.name}`, bytes: f.bytes };
    }),
  ),
  ...extraFiles(),
];

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault();
});
afterAll(() => v.remove());

const customers = () =>
  peek(v, (db) => (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n);

it.each(files.map((f) => [f.name, f] as const))(
  '%s: a result or one catalogue error, in the engine',
  async (_n, f) => {
    const path = join(v.dir, f.name);
    writeFileSync(path, f.bytes);
    const preview = await v.engine.call('import.preview', { file: { path } });
    expect(JSON.stringify(preview)).not.toMatch(RAW_JS);
    const before = customers();
    const run = await v.engine.call('import.run', { inputs: [{ file: { path } }], allowSameSource: true });
    expect(JSON.stringify(run)).not.toMatch(RAW_JS);
    if (!run.ok) {
      expect(run.error.code).not.toBe('INTERNAL');
      expect(customers()).toBe(before);
    }
    if (!preview.ok) expect(preview.error.code).not.toBe('INTERNAL');
  },
);

describe('through the CLI', () => {
  let env: NodeJS.ProcessEnv;
  let vault: string;
  beforeAll(() => {
    env = cliEnv(join(v.dir, 'cli-data'), { CLOSEOUT_PASSPHRASE: OWNER_PASS });
    vault = join(v.dir, 'cli.cvault');
    const created = runCli(
      [
        'vault',
        'create',
        vault,
        '--client',
        '杭州示例商贸有限公司',
        '--owner',
        'boss',
        '--recovery-key-out',
        join(v.dir, 'key.txt'),
      ],
      env,
    );
    expect(created.status).toBe(0);
  });

  // One seed of each messy kind and every extra file (the CLI costs a process per call).
  const cliFiles = files.filter((f) => !/^[a-z-]+-2-/.test(f.name));
  it.each(cliFiles.map((f) => [f.name] as const))(
    '%s: stdout and stderr hold no raw JavaScript error',
    (name) => {
      const path = join(v.dir, name);
      const preview = runCli(
        ['import', 'preview', vault, '--input', JSON.stringify({ file: { path } })],
        env,
      );
      expect(preview.stderr).not.toMatch(RAW_JS);
      const res = runCli(['import', vault, path, '--allow-same-source'], env);
      expect(res.stderr).not.toMatch(RAW_JS);
      expect(res.stdout).not.toMatch(RAW_JS);
      if (res.status !== 0) expect(res.stderr.trim().split('\n')).toHaveLength(1);
    },
  );
});
