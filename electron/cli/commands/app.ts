// `closeout info` (and `app info`): this installation.
import type { AppInfo } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import { define, t } from '../helpers';
import type { CommandDef } from '../command-def';

function humanInfo(info: AppInfo, lang: Lang): string {
  return [
    `${info.name} ${info.version}`,
    `${t(lang, '数据文件夹', 'data folder')}: ${info.dataDir}`,
    `node ${info.runtime.node} ${info.runtime.platform}-${info.runtime.arch}` +
      (info.runtime.electron ? ` electron ${info.runtime.electron}` : ''),
  ].join('\n');
}

export const appCommands: readonly CommandDef[] = [
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
];
