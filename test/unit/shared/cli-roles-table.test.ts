// docs/CLI.md lists who may run every operation; the table is generated from the contract (access,
// orRecoveryKey, host) and the CLI's commands, and this test fails when the page says otherwise.
// To rewrite the table after a contract change: CLOSEOUT_WRITE_DOCS=1 npx jest test/unit/shared/cli-roles-table.test.ts
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../../../electron/cli/commands';
import { contract, OP_NAMES, ROLES, type OpName } from '../../../shared/contract';

const CLI_MD = join(__dirname, '..', '..', '..', 'docs', 'CLI.md');
const BEGIN =
  '<!-- roles table: generated from shared/contract by test/unit/shared/cli-roles-table.test.ts -->';
const END = '<!-- end of the roles table -->';

function command(op: OpName): string {
  if (contract[op].host === 'shell') return '(the desktop app only)';
  const own = commands.find((c) => c.op === op);
  return `\`closeout ${(own?.path ?? op.split('.')).join(' ')}\``;
}

function cells(op: OpName): string[] {
  const spec = contract[op];
  const byKey = spec.orRecoveryKey ? 'with the recovery key' : '—';
  if (spec.access === 'public') return [...ROLES.map(() => '✓'), '✓'];
  const access = spec.access;
  return [...ROLES.map((role) => (access.includes(role) ? '✓' : byKey)), byKey];
}

/** The table as Prettier lays it out (the page is checked by Prettier too; its API needs ES modules). */
function rolesTable(): string {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  const header = ['operation', 'command', ...ROLES, 'no vault unlocked'];
  const markdown = [
    line(header),
    line(header.map(() => '---')),
    ...OP_NAMES.map((op) => line([`\`${op}\``, command(op), ...cells(op)])),
  ].join('\n');
  const prettier = spawnSync(
    process.execPath,
    [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', CLI_MD],
    { input: markdown, encoding: 'utf8' },
  );
  if (prettier.status !== 0) throw new Error(`prettier: ${prettier.stderr}`);
  return prettier.stdout.trimEnd();
}

test('docs/CLI.md lists every operation with the roles the contract gives it', () => {
  const page = readFileSync(CLI_MD, 'utf8');
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  const expected = `${BEGIN}\n\n${rolesTable()}\n\n${END}`;
  const actual = page.slice(start, end + END.length);
  if (actual !== expected && process.env.CLOSEOUT_WRITE_DOCS === '1')
    writeFileSync(CLI_MD, page.slice(0, start) + expected + page.slice(end + END.length));
  else expect(actual).toBe(expected);
});
