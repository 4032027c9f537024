// Native file dialogs, the shell's half of `dialog.choose`: the person picks, main keeps the path and
// gives the window a handle and the file's name.
import { basename } from 'node:path';
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import type { ChosenFile, OpParsedInput } from '../../shared/contract';
import type { FileHandles } from './file-handles';

type Purpose = OpParsedInput<'dialog.choose'>['purpose'];

const FILTERS: Record<Purpose, { zh: string; en: string; extensions: string[] }> = {
  vault: { zh: 'Closeout 保险库', en: 'Closeout vault', extensions: ['cvault'] },
  'recovery-sheet': { zh: 'PDF 文件', en: 'PDF', extensions: ['pdf'] },
  'audit-export': { zh: '文件夹', en: 'Folder', extensions: [] },
  certificate: { zh: 'PKCS#12 证书', en: 'PKCS#12 certificate', extensions: ['p12', 'pfx'] },
  import: {
    zh: '客户数据',
    en: 'Customer data',
    extensions: ['csv', 'tsv', 'txt', 'xlsx', 'vcf', 'json', 'jsonl'],
  },
  'quarantine-export': { zh: 'CSV 文件', en: 'CSV', extensions: ['csv'] },
  backup: { zh: '备份', en: 'Backup', extensions: [] },
  'backup-destination': { zh: '文件夹', en: 'Folder', extensions: [] },
  'drill-certificate': { zh: '文件夹', en: 'Folder', extensions: [] },
  'records-export': { zh: '客户记录导出', en: 'Records export', extensions: ['csv', 'xlsx', 'json'] },
  compliance: { zh: '文件夹', en: 'Folder', extensions: [] },
  'evidence-file': { zh: '证明文件', en: 'Evidence file', extensions: [] },
  'evidence-pack': { zh: '证据包', en: 'Evidence pack', extensions: ['p7m'] },
  'recipient-certificate': { zh: 'X.509 证书', en: 'X.509 certificate', extensions: ['pem', 'crt', 'cer'] },
  'wipe-evidence': { zh: '销毁凭证', en: 'Destruction evidence', extensions: [] },
  'wipe-certificate': { zh: '文件夹', en: 'Folder', extensions: [] },
  'handover-certificate': {
    zh: '接收方证书',
    en: 'Recipient certificate',
    extensions: ['pem', 'crt', 'cer', 'der', 'p12', 'pfx'],
  },
  'handover-document': {
    zh: '协议或证明材料',
    en: 'Agreement or evidence',
    extensions: ['pdf', 'png', 'jpg', 'jpeg', 'txt'],
  },
  'handover-output': { zh: '文件夹', en: 'Folder', extensions: [] },
  'handover-package': { zh: '移交包', en: 'Handover package', extensions: ['p7m'] },
  'handover-receipt': { zh: '回执', en: 'Receipt', extensions: ['p7s'] },
  'handover-key': {
    zh: '私钥或 PKCS#12',
    en: 'Private key or PKCS#12',
    extensions: ['pem', 'key', 'p12', 'pfx'],
  },
  'request-output': { zh: '文件夹', en: 'Folder', extensions: [] },
  'incident-output': { zh: '文件夹', en: 'Folder', extensions: [] },
  'incident-manifest': { zh: '备份清单', en: 'Backup manifest', extensions: ['json'] },
  'analytics-export': { zh: '统计表', en: 'Table of counts', extensions: ['csv', 'xlsx', 'pdf'] },
  'analytics-extract': { zh: '去标识化摘录', en: 'De-identified extract', extensions: ['csv'] },
};

export async function chooseFile(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  window: BrowserWindow | null,
  input: OpParsedInput<'dialog.choose'>,
  handles: FileHandles,
  chinese: boolean,
): Promise<ChosenFile | null> {
  const filter = FILTERS[input.purpose];
  const filters: FileFilter[] = filter.extensions.length
    ? [{ name: chinese ? filter.zh : filter.en, extensions: filter.extensions }]
    : [];
  let path: string | undefined;
  if (input.kind === 'save') {
    const options = {
      defaultPath: input.suggestedName,
      filters,
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    path = result.canceled ? undefined : result.filePath;
  } else {
    const properties: Array<'openFile' | 'openDirectory' | 'createDirectory'> =
      input.kind === 'folder' ? ['openDirectory', 'createDirectory'] : ['openFile'];
    const options = { filters, properties };
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    path = result.canceled ? undefined : result.filePaths[0];
  }
  return path ? { handle: handles.issue(path, input.purpose, input.kind), name: basename(path) } : null;
}
