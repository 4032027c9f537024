// The CLI's commands. Hand-written ones give an operation friendly arguments; every other operation
// of the contract is still reachable as `closeout <namespace> <verb> --input JSON`.
import type { Command } from 'commander';
import type { AppInfo, OpInput, OpName, OpResult, VaultSummary } from '../../shared/contract';
import type { Lang } from '../../shared/errors';

export interface CommandDef<K extends OpName = OpName> {
  /** Words after `closeout`, e.g. ['vault', 'list']. */
  path: readonly string[];
  op: K;
  description: string;
  configure?: (command: Command) => void;
  input: (args: string[], options: Record<string, unknown>) => OpInput<K>;
  human: (value: OpResult<K>, lang: Lang) => string;
}

const define = <K extends OpName>(def: CommandDef<K>): CommandDef => def as unknown as CommandDef;

const t = (lang: Lang, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);

function humanInfo(info: AppInfo, lang: Lang): string {
  return [
    `${info.name} ${info.version}`,
    `${t(lang, '数据文件夹', 'data folder')}: ${info.dataDir}`,
    `node ${info.runtime.node} ${info.runtime.platform}-${info.runtime.arch}` +
      (info.runtime.electron ? ` electron ${info.runtime.electron}` : ''),
  ].join('\n');
}

function humanVaults(vaults: VaultSummary[], lang: Lang): string {
  if (vaults.length === 0) return t(lang, '还没有保险库。', 'No vaults yet.');
  return vaults
    .map((v) =>
      [
        v.clientName,
        v.creditCode ?? '-',
        v.stage,
        v.present ? v.path : `${v.path} (${t(lang, '找不到', 'missing')})`,
      ].join('\t'),
    )
    .join('\n');
}

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number`);
  return n;
};

export const commands: readonly CommandDef[] = [
  define({
    path: ['info'],
    op: 'app.info',
    description: 'version, runtime and data folder / 版本、运行环境与数据文件夹',
    input: () => ({}),
    human: humanInfo,
  }),
  define({
    path: ['app', 'info'],
    op: 'app.info',
    description: 'same as `closeout info`',
    input: () => ({}),
    human: humanInfo,
  }),
  define({
    path: ['vault', 'list'],
    op: 'vault.list',
    description: 'every client vault in the registry / 列出登记的全部客户保险库',
    input: () => ({}),
    human: humanVaults,
  }),
  define({
    path: ['demo', 'count'],
    op: 'demo.count',
    description: 'count with progress (checks the job runner) / 计数演示任务',
    configure: (c) =>
      c
        .option('--total <n>', 'how far to count', positiveInt('--total'), 100)
        .option('--step-ms <ms>', 'pause per step', positiveInt('--step-ms'), 10),
    input: (_args, o) => ({ total: o.total as number, stepMs: o.stepMs as number }),
    human: (r, lang) => t(lang, `已数到 ${r.counted}`, `counted ${r.counted}`),
  }),
];
