// English text of the Duplicates page: the same keys as zh-CN/duplicates.ts (the type checks it).
import type { Messages } from '../messages';
import type { duplicates as zh } from '../zh-CN/duplicates';

export const duplicates: Messages<typeof zh> = {
  duplicates: {
    title: 'Duplicates',
    subtitle:
      'Records of the same customer, found by phone, e-mail, ID number, credit code and name; review each cluster: accept, reject, take a record out, or merge (reversible).',
    auditor: 'Auditors cannot view or act on duplicate clusters; merges are in the audit log.',
    run: 'Find duplicates',
    runSummary:
      'Compared {{records}} records: {{found}} pending clusters found, {{kept}} decided kept, {{merged}} merged automatically',
    minScore: 'Minimum score',
    empty: 'No clusters match',
    gone: 'This cluster no longer exists (split, or replaced by a new search)',
    score: 'score {{score}}',
    status: { pending: 'Pending', accepted: 'Accepted', rejected: 'Rejected', merged: 'Merged', all: 'All' },
    columns: { score: 'Score', status: 'Status', members: 'Records', matched: 'Matched fields' },
    kind: { exact: 'exact', fuzzy: 'similar', conflict: 'conflict' },
    mergeAbove: {
      label: 'Merge clusters scoring at least',
      preview: 'pending: {{n}}',
      confirm:
        'Search again and merge every pending cluster scoring at least {{score}} (now {{n}})? Each merge can be undone.',
      action: 'Merge all',
    },
    detail: {
      title: 'Cluster #{{id}}',
      field: 'Field',
      keep: 'Keep this record',
      survivor: 'Kept record',
      mergedInto: 'merged into #{{id}}',
      row: 'row {{row}}',
      empty: '(empty)',
      split: 'Take out',
      splitConfirm: 'Take this record out of the cluster? It will not be paired with these records again.',
      accept: 'Same customer',
      reject: 'Not the same customer',
      merge: 'Merge',
      unmerge: 'Undo merge',
      howTo:
        'Choose the record to keep and, where the values differ (yellow), the value to keep; then merge.',
      why: 'Why these match',
      conflict: 'ID number or credit code conflicts; not joined:',
    },
  },
};
