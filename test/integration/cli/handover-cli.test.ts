// The handover commands as a script runs them, end to end, on both sides: import customers, dispose them
// to the recipient, create the handover, make a kit, record the agreement, approve the PIPIA, write the
// notices (with PDF letters, then --no-letters), take an objection, build the package (the deadline
// overridden in writing), open it as the recipient with the kit into a new vault, sign the receipt, import
// it, and list. Errors: one line, exit ≠ 0.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, runCli, tempDir } from '../helpers';

jest.setTimeout(120_000);

const PASS = 'Script-owner-passphrase-7';
const RECIPIENT = '宁波承接贸易有限公司';
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;
let handoverId = '';

const run = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
  const res = runCli(args, { ...env, ...extra });
  return res;
};
const ok = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
  const res = run(args, extra);
  expect({ args: args.slice(0, 3), stderr: res.stderr, status: res.status }).toEqual({
    args: args.slice(0, 3),
    stderr: '',
    status: 0,
  });
  return res.stdout;
};

beforeAll(() => {
  dir = tempDir('closeout-hcli-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  vault = join(dir.path, 'acme.cvault');
  ok([
    'vault',
    'create',
    vault,
    '--client',
    '杭州示例商贸有限公司',
    '--owner',
    'boss',
    '--recovery-key-out',
    join(dir.path, 'rk.txt'),
  ]);
  const csv = [
    '姓名,手机,邮箱,地址',
    '陈静,13800138000,chen@example.cn,杭州市西湖区文三路 1 号',
    '李伟,13900139000,li@example.cn,杭州市上城区 2 号',
    '赵敏,13700137000,zhao@example.cn,宁波市鄞州区 3 号',
  ].join('\n');
  writeFileSync(join(dir.path, 'customers.csv'), csv + '\n');
  ok(['import', vault, join(dir.path, 'customers.csv')]);
  ok(['dispose', vault, '--rule', `all=TRANSFER:${RECIPIENT}`]);
});
afterAll(() => dir.remove());

describe('closeout handover (CLI)', () => {
  it('refuses a bad credit code with one line and exit 1, changing nothing', () => {
    const res = run([
      'handover',
      'create',
      vault,
      '--recipient-name',
      RECIPIENT,
      '--credit-code',
      '91330212MA2H8N1Q52',
      '--route',
      'succession',
    ]);
    expect(res.status).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^closeout: CREDIT_CODE_INVALID: /);
    expect(JSON.parse(ok(['handover', 'list', vault, '--json']))).toEqual([]);
  });

  it('creates, kits, agrees, approves, notifies, takes an objection and packages', () => {
    const created = JSON.parse(
      ok([
        'handover',
        'create',
        vault,
        '--recipient-name',
        RECIPIENT,
        '--credit-code',
        '91330212MA2H8N1Q51',
        '--country',
        'CN',
        '--route',
        'succession',
        '--reasoning',
        '公司解散，业务由接收方承继',
        '--contact-person',
        '王经理',
        '--contact',
        '0574-87654321',
        '--address',
        '宁波市鄞州区示例路 8 号',
        '--json',
      ]),
    );
    handoverId = created.handoverId;
    expect(created.keyMode).toBe('kit');
    const kit = ok(['handover', 'kit', vault, handoverId, '--out', dir.path]);
    const password = /: ([A-Za-z0-9]{4}(?:-[A-Za-z0-9]{4}){4})$/m.exec(kit)![1];
    writeFileSync(join(dir.path, 'kit-password.txt'), password + '\n');
    writeFileSync(join(dir.path, 'agreement.pdf'), '%PDF-1.4 signed agreement\n');
    ok([
      'handover',
      'agreement',
      vault,
      handoverId,
      '--file',
      join(dir.path, 'agreement.pdf'),
      '--signed-on',
      '2026-03-01',
    ]);
    writeFileSync(
      join(dir.path, 'answers.json'),
      JSON.stringify({
        necessity: '承继业务所必需',
        conclusion: '同意移交',
        custodian: '清算组 张会计',
        residualRisk: 'low',
      }),
    );
    const pipia = JSON.parse(
      ok([
        'handover',
        'pipia',
        vault,
        handoverId,
        '--answers',
        join(dir.path, 'answers.json'),
        '--approve',
        '--out',
        dir.path,
        '--json',
      ]),
    );
    expect(existsSync(pipia.files.pdf)).toBe(true);
    const notices = JSON.parse(
      ok([
        'handover',
        'notices',
        vault,
        handoverId,
        '--out',
        dir.path,
        '--deadline',
        '2099-12-31',
        '--reason',
        '公司解散',
        '--contact-after',
        '清算组 0571-12345678',
        '--json',
      ]),
    );
    expect(notices.customers).toBe(3);
    expect(notices.letters).toHaveLength(1);
    const plain = JSON.parse(
      ok(['handover', 'notices', vault, handoverId, '--out', dir.path, '--no-letters', '--json']),
    );
    expect(plain.customers).toBe(3);
    expect(plain.letters).toEqual([]);
    expect(existsSync(plain.mailMerge) && existsSync(plain.sms)).toBe(true);
    ok(['handover', 'respond', vault, handoverId, '--record', '1', '--objects']);
    const early = run(['handover', 'package', vault, handoverId, '--out', dir.path, '--json']);
    expect(early.status).toBe(1);
    expect(early.stderr).toMatch(/^closeout: HANDOVER_DEADLINE_NOT_PASSED: .*2099-12-31/);
    const built = JSON.parse(
      ok([
        'handover',
        'package',
        vault,
        handoverId,
        '--out',
        dir.path,
        '--override-deadline',
        '接收方须于本周接管全部客户',
        '--json',
      ]),
    );
    expect(built).toMatchObject({ records: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    writeFileSync(join(dir.path, 'built.json'), JSON.stringify(built));
  });

  it('opens with the kit into a new vault, signs the receipt, and the sender imports it', () => {
    const built = JSON.parse(readFileSync(join(dir.path, 'built.json'), 'utf8'));
    const kit = join(dir.path, `closeout-kit-${handoverId.slice(0, 8)}.p12`);
    const received = join(dir.path, 'received.cvault');
    const opened = JSON.parse(
      ok(
        [
          'handover',
          'open',
          built.path,
          '--pkcs12',
          kit,
          '--password-file',
          join(dir.path, 'kit-password.txt'),
          '--to',
          received,
          '--owner',
          '王经理',
          '--json',
        ],
        { CLOSEOUT_PASSPHRASE: 'Recipient-passphrase-2026!' },
      ),
    );
    expect(opened).toMatchObject({ records: 2, vault: { imported: 2 } });
    const names = JSON.parse(
      ok(['records', received, '--json'], { CLOSEOUT_PASSPHRASE: 'Recipient-passphrase-2026!' }),
    ).map((r: { name: string }) => r.name);
    expect(names.sort()).toEqual(['李伟', '赵敏']);
    const receipt = join(dir.path, 'receipt.p7s');
    ok([
      'handover',
      'receipt',
      'create',
      built.path,
      '--pkcs12',
      kit,
      '--password-file',
      join(dir.path, 'kit-password.txt'),
      '--out',
      receipt,
    ]);
    const closed = JSON.parse(ok(['handover', 'receipt', 'import', vault, handoverId, receipt, '--json']));
    expect(closed.records).toBe(2);
    const list = JSON.parse(ok(['handover', 'list', vault, '--json']));
    expect(list[0]).toMatchObject({ handoverId, state: 'closed' });
    expect(JSON.parse(ok(['vault', 'info', vault, '--json'])).stage).toBe('destruction');
  });

  it('the wrong kit password: one line, exit 1', () => {
    writeFileSync(join(dir.path, 'wrong.txt'), 'not-the-password\n');
    const built = JSON.parse(readFileSync(join(dir.path, 'built.json'), 'utf8'));
    const res = run([
      'handover',
      'open',
      built.path,
      '--pkcs12',
      join(dir.path, `closeout-kit-${handoverId.slice(0, 8)}.p12`),
      '--password-file',
      join(dir.path, 'wrong.txt'),
    ]);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^closeout: PACKAGE_WRONG_KEY: /);
  });
});
