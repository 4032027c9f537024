// The columns of the Import wizard's result: one row per source file (what was detected, the counts, and
// its actions: export the quarantined rows, delete the plaintext file) and one per quarantined row.
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Tag, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { ImportInputResult, QuarantineItem } from '../../../../shared/contract';
import { CountLink } from '../../components/CountLink';

interface SourceActions {
  /** Source ids whose plaintext file was deleted. */
  deleted: string[];
  onExport: (source: ImportInputResult) => void;
  onDelete: (index: number) => void;
}

/** A flag's count for one source, linked to the Records page filtered to the source and the flag. */
function flagColumn(t: TFunction, flag: 'hiddenCharacters' | 'malformed') {
  return {
    title: t(`records.flags.${flag}`),
    key: flag,
    render: (_: unknown, r: ImportInputResult) => (
      <CountLink
        n={r[flag]}
        filter={{ sourceId: r.sourceId, flags: { [flag]: true } }}
        testId={flag === 'hiddenCharacters' ? 'import-hidden-count' : 'import-malformed-count'}
      />
    ),
  };
}

export function sourceColumns(
  t: TFunction,
  { deleted, onExport, onDelete }: SourceActions,
): TableColumnsType<ImportInputResult> {
  return [
    { title: t('importWizard.result.file'), dataIndex: 'file', key: 'file' },
    {
      title: t('importWizard.result.detected'),
      key: 'detected',
      render: (_: unknown, r) => [r.format.toUpperCase(), r.encoding, r.sheet].filter(Boolean).join(' · '),
    },
    { title: t('importWizard.result.read'), dataIndex: 'rowsRead', key: 'read' },
    { title: t('importWizard.result.imported'), dataIndex: 'imported', key: 'imported' },
    { title: t('importWizard.result.quarantined'), dataIndex: 'quarantined', key: 'quarantined' },
    // The flagged records of this source, one click from the Records page filtered to them.
    flagColumn(t, 'hiddenCharacters'),
    flagColumn(t, 'malformed'),
    {
      title: '',
      key: 'actions',
      render: (_: unknown, r, index) => (
        <Space wrap>
          {r.quarantined > 0 ? (
            <Button size="small" onClick={() => onExport(r)} data-testid="import-export-quarantine">
              {t('importWizard.result.export')}
            </Button>
          ) : null}
          {deleted.includes(r.sourceId) ? (
            <Tag color="success" data-testid="import-source-deleted">
              {t('importWizard.result.deleted')}
            </Tag>
          ) : (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() => onDelete(index)}
              data-testid="import-delete-source"
            >
              {t('importWizard.result.delete')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}

export function quarantineColumns(t: TFunction): TableColumnsType<QuarantineItem> {
  return [
    { title: t('importWizard.result.file'), dataIndex: 'file', key: 'file' },
    { title: t('importWizard.sheets.name'), key: 'sheet', render: (_: unknown, q) => q.sheet ?? '—' },
    { title: t('importWizard.row'), dataIndex: 'row', key: 'row' },
    {
      title: t('importWizard.result.reason'),
      key: 'reason',
      render: (_: unknown, q) => t(`importWizard.kinds.${q.kind}`, { defaultValue: q.reason }),
    },
  ];
}
