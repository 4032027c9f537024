// The `closeout` command as a user or a script runs it: the built binary in a child process.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OP_NAMES } from '../../../shared/contract';
import { commands } from '../../../electron/cli/commands';
import pkg from '../../../package.json';
import { cliEnv, runCli, tempDir } from '../helpers';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('closeout-cli-');
});
afterEach(() => dir.remove());

describe('closeout CLI', () => {
  it('prints its version', () => {
    const res = runCli(['--version'], cliEnv(dir.path));
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toBe(pkg.version);
  });

  it('prints info as JSON, with the data folder from CLOSEOUT_DATA_DIR', () => {
    const res = runCli(['info', '--json'], cliEnv(dir.path));
    expect(res.status).toBe(0);
    expect(res.stderr).toBe('');
    const info = JSON.parse(res.stdout);
    expect(info).toMatchObject({
      name: 'Closeout',
      version: pkg.version,
      dataDir: dir.path,
      engineMode: 'in-process',
    });
    expect(info.runtime.node).toBe(process.versions.node);
  });

  it('prints info for people in their language', () => {
    expect(runCli(['info'], cliEnv(dir.path)).stdout).toContain(`data folder: ${dir.path}`);
    expect(runCli(['info'], cliEnv(dir.path, { LANG: 'zh_CN.UTF-8' })).stdout).toContain(
      `数据文件夹: ${dir.path}`,
    );
  });

  it.each([['--passphrase', 'secret'], ['--passphrase=secret'], ['--password=secret']])(
    'refuses a passphrase on the command line (%s) with one line and exit 2',
    (...args) => {
      const res = runCli(['vault', 'list', ...args], cliEnv(dir.path));
      expect(res.status).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(/^closeout: PASSPHRASE_ON_COMMAND_LINE: /);
      expect(res.stderr).not.toContain('secret');
    },
  );

  it('reports an engine error as one line with its code, in Chinese when the locale is Chinese', () => {
    const en = runCli(['job', 'cancel', '--input', '{"job":"x"}'], cliEnv(dir.path));
    expect(en.status).toBe(1);
    expect(en.stderr.trim().split('\n')).toHaveLength(1);
    expect(en.stderr).toMatch(/^closeout: INVALID_INPUT: Invalid input: job: /);
    const zh = runCli(['job', 'cancel', '--input', '{"job":"x"}'], cliEnv(dir.path, { LANG: 'zh_CN.UTF-8' }));
    expect(zh.stderr).toMatch(/^closeout: INVALID_INPUT: 输入无效/);
  });

  it('reports a damaged registry, naming the file, and exits non-zero', () => {
    writeFileSync(join(dir.path, 'vaults.json'), 'not json');
    const res = runCli(['vault', 'list', '--json'], cliEnv(dir.path));
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('REGISTRY_CORRUPT');
    expect(res.stderr).toContain(join(dir.path, 'vaults.json'));
  });

  it('rejects --input that is not JSON as a usage error', () => {
    const res = runCli(['job', 'cancel', '--input', '{oops'], cliEnv(dir.path));
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/^closeout: INVALID_INPUT: .*--input is not JSON/);
  });

  it('offers a command for every operation of the contract', () => {
    for (const op of OP_NAMES) {
      const path = commands.find((c) => c.op === op)?.path ?? op.split('.');
      const res = runCli([...path, '--help'], cliEnv(dir.path));
      expect({ op, status: res.status }).toEqual({ op, status: 0 });
      expect(res.stdout).toContain('--json');
    }
  });

  it('fails an unknown command with a non-zero exit', () => {
    const res = runCli(['frobnicate'], cliEnv(dir.path));
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain("unknown command 'frobnicate'");
  });

  it('a number that is not one is a single INVALID_INPUT line with exit 2, before anything runs', () => {
    const res = runCli(['audit', 'list', 'no-such.cvault', '--limit', 'many'], cliEnv(dir.path));
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^closeout: INVALID_INPUT: .*--limit must be a whole number/);
  });

  it('has no test or demo commands: only the product ships', () => {
    const res = runCli(['demo', 'count', '--total', '3'], cliEnv(dir.path));
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain("unknown command 'demo'");
  });
});
