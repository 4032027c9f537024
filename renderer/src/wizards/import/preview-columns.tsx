// The columns of the Import wizard's preview, one per customer field (shared/customer): the first rows as they will be stored, each invalid value
// marked (with what is wrong on hover), and whether the row will be imported or quarantined.
import { Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { CUSTOMER_FIELDS } from '../../../../shared/customer';
import { fieldText } from '../../../../shared/customer/columns';
import type { ImportPreviewRow } from '../../../../shared/contract';

export function previewColumns(t: TFunction): TableColumnsType<ImportPreviewRow> {
  return [
    { title: t('importWizard.row'), dataIndex: 'row', key: 'row', width: 64, fixed: 'left' },
    ...CUSTOMER_FIELDS.map((field) => ({
      title: t(`fields.${field}`),
      key: field,
      render: (_: unknown, row: ImportPreviewRow) => {
        const problem = row.problems.find((p) => p.field === field);
        const shown = fieldText(field, row.record);
        if (!problem) return shown;
        return (
          <Tooltip title={t(`importWizard.problems.${problem.status}`, { problem: problem.problem })}>
            <Typography.Text type="danger" data-testid="import-invalid" data-field={field}>
              {shown || '—'}
            </Typography.Text>
          </Tooltip>
        );
      },
    })),
    {
      title: t('importWizard.status'),
      key: 'quarantine',
      render: (_: unknown, row: ImportPreviewRow) =>
        row.quarantine ? (
          <Tag color="error" data-testid="import-row-quarantined">
            {t(`importWizard.kinds.${row.quarantine}`, { defaultValue: row.quarantine })}
          </Tag>
        ) : (
          <Tag color="success">{t('importWizard.willImport')}</Tag>
        ),
    },
  ];
}
