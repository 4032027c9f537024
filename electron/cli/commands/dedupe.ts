// `closeout dedupe FILE` and its review commands (clusters, decide, split, merge, unmerge): duplicate
// detection and review without the window. The JSON they print with --json is documented in docs/CLI.md.
import type { ClusterView } from '../../../shared/contract';
import { MERGE_FIELDS, type MergeField } from '../../../shared/duplicates';
import type { Lang } from '../../../shared/errors';
import { CliError } from '../cli-error';
import type { CommandDef } from '../command-def';
import { collect, define, t, whole } from '../helpers';

function score(text: unknown): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw CliError.of(
      'INVALID_INPUT',
      { detail: `--merge-above must be a score from 0 to 100 (not ${String(text)})` },
      2,
    );
  return n;
}

/** --take name=12 --take phone=15: which member each field's value comes from. */
function parseTake(items: string[]): Partial<Record<MergeField, number>> | undefined {
  if (items.length === 0) return undefined;
  const chosen: Partial<Record<MergeField, number>> = {};
  for (const item of items) {
    const [field, id] = item.split('=');
    if (!(MERGE_FIELDS as readonly string[]).includes(field))
      throw CliError.of(
        'INVALID_INPUT',
        { detail: `--take ${item}: the field is one of ${MERGE_FIELDS.join(', ')}` },
        2,
      );
    chosen[field as MergeField] = whole(`--take ${field}`, id);
  }
  return chosen;
}

const rowsOf = (sources: ClusterView['members'][number]['sources']) =>
  sources.map((s) => `${s.file}${s.sheet ? `[${s.sheet}]` : ''}:${s.row}`).join(' ');

function humanCluster(c: ClusterView, lang: Lang): string {
  return [
    `#${c.id}  ${t(lang, '得分', 'score')} ${c.score}  ${c.status}  ${t(lang, '匹配', 'matched')}: ${c.explanation.matched.join(', ')}`,
    ...c.members.map(
      (m) =>
        `  ${m.id}${m.mergedInto ? ` → ${m.mergedInto}` : ''}\t${m.values.name ?? m.values.organisation ?? ''}\t${rowsOf(m.sources)}`,
    ),
  ].join('\n');
}

export const dedupeCommands: readonly CommandDef[] = [
  define({
    path: ['dedupe'],
    op: 'duplicates.run',
    vault: true,
    description:
      'find duplicate clusters (decided ones kept); --merge-above SCORE merges every pending cluster at or above it / 查找重复客户',
    configure: (c) =>
      c
        .option('--merge-above <score>', 'merge every pending cluster scoring at least this (0–100)')
        // `closeout dedupe merge FILE … --json`: options after a review command's name are its own.
        .enablePositionalOptions(),
    input: (_a, o) => ({ mergeAbove: score(o.mergeAbove), report: true }),
    human: (r, lang) =>
      [
        ...(r.clusters ?? []).map(
          (c) =>
            `#${c.id}\t${c.score}\t${c.status}\t${c.matched.join(',')}\t` +
            c.members.map((m) => rowsOf(m.sources)).join(' '),
        ),
        t(
          lang,
          `比较 ${r.records} 条记录，发现 ${r.found} 个待审重复组（${r.clusteredRecords} 条记录），保留已决定的 ${r.kept} 个` +
            (r.autoMerged
              ? `；自动合并 ${r.autoMerged.clusters} 个组（${r.autoMerged.records} 条记录并入）`
              : ''),
          `compared ${r.records} records: ${r.found} pending clusters (${r.clusteredRecords} records), ${r.kept} decided kept` +
            (r.autoMerged
              ? `; merged ${r.autoMerged.clusters} clusters automatically (${r.autoMerged.records} records merged away)`
              : ''),
        ),
      ].join('\n'),
  }),
  define({
    path: ['dedupe', 'clusters'],
    op: 'duplicates.clusters',
    vault: true,
    description: 'list duplicate clusters, strongest first, with members and source rows / 列出重复组',
    configure: (c) =>
      c
        .option('--status <status>', 'pending | accepted | rejected | merged')
        .option('--min-score <score>', 'only clusters scoring at least this')
        .option('--offset <n>', 'skip this many', '0')
        .option('--limit <n>', 'at most this many (≤ 500)', '50'),
    input: (_a, o) => ({
      status: o.status as 'pending' | undefined,
      minScore: o.minScore === undefined ? undefined : Number(o.minScore),
      offset: whole('--offset', String(o.offset), 0),
      limit: whole('--limit', String(o.limit)),
    }),
    human: (page, lang) =>
      [
        ...page.clusters.map((c) => humanCluster(c, lang)),
        t(lang, `共 ${page.total} 个`, `${page.total} in all`),
      ].join('\n'),
  }),
  define({
    path: ['dedupe', 'decide'],
    op: 'duplicates.decide',
    vault: true,
    args: ['<cluster>', '<decision>'],
    description: 'accept (same customer) or reject (different customers) a cluster / 确认或否决重复组',
    input: (args) => {
      if (args[1] !== 'accept' && args[1] !== 'reject')
        throw CliError.of(
          'INVALID_INPUT',
          { detail: `the decision is accept or reject (not ${args[1]})` },
          2,
        );
      return { clusterId: whole('cluster', args[0]), decision: args[1] };
    },
    human: humanCluster,
  }),
  define({
    path: ['dedupe', 'split'],
    op: 'duplicates.split',
    vault: true,
    args: ['<cluster>', '<record>'],
    description: 'take one record out of a cluster / 将一条记录移出重复组',
    input: (args) => ({ clusterId: whole('cluster', args[0]), recordId: whole('record', args[1]) }),
    human: (r, lang) =>
      r.cluster
        ? humanCluster(r.cluster, lang)
        : t(lang, '重复组已解散', 'the cluster no longer groups anything'),
  }),
  define({
    path: ['dedupe', 'merge'],
    op: 'duplicates.merge',
    vault: true,
    args: ['<cluster>'],
    description:
      'merge a cluster into one record: --survivor ID, --take FIELD=ID per field (default: the suggestion) / 合并重复组',
    configure: (c) =>
      c
        .option('--survivor <record>', 'the record that stays')
        .option(
          '--take <field=record>',
          `a field's surviving value: ${MERGE_FIELDS.join(', ')}`,
          collect,
          [],
        ),
    input: (args, o) => ({
      clusterId: whole('cluster', args[0]),
      survivorId: o.survivor === undefined ? undefined : whole('--survivor', String(o.survivor)),
      chosen: parseTake(o.take as string[]),
    }),
    human: (r, lang) =>
      t(
        lang,
        `合并 ${r.mergeId}：${r.mergedIds.join(', ')} 并入 ${r.survivorId}`,
        `merge ${r.mergeId}: ${r.mergedIds.join(', ')} merged into ${r.survivorId}`,
      ),
  }),
  define({
    path: ['dedupe', 'unmerge'],
    op: 'duplicates.unmerge',
    vault: true,
    args: ['<merge>'],
    description: 'undo a merge exactly / 撤销合并',
    input: (args) => ({ mergeId: whole('merge', args[0]) }),
    human: (r, lang) =>
      t(lang, `已撤销合并 ${r.mergeId}`, `merge ${r.mergeId} undone`) +
      `: ${[r.survivorId, ...r.mergedIds].join(', ')}`,
  }),
];
