// The columns of the Import wizard's preview: the first rows as they will be stored, each invalid value
// marked (with what is wrong on hover), and whether the row will be imported or quarantined.
import { Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { CustomerField } from '../../../../shared/customer';
import type { ImportPreviewRow } from '../../../../shared/contract';

/** Stored columns shown in the preview, with the field whose problems highlight them. */
const PREVIEW_COLUMNS: Array<{ column: string; field: CustomerField }> = [
  { column: 'name', field: 'name' },
  { column: 'organisation', field: 'organisation' },
  { column: 'phone', field: 'phone' },
  { column: 'email', field: 'email' },
  { column: 'id_number', field: 'idNumber' },
  { column: 'credit_code', field: 'creditCode' },
  { column: 'address', field: 'address' },
  { column: 'country', field: 'country' },
  { column: 'product', field: 'product' },
  { column: 'last_order_date', field: 'lastOrderDate' },
  { column: 'lifetime_value', field: 'lifetimeValue' },
  { column: 'notes', field: 'notes' },
];

export function previewColumns(t: TFunction): TableColumnsType<ImportPreviewRow> {
  return [
    { title: t('importWizard.row'), dataIndex: 'row', key: 'row', width: 64, fixed: 'left' },
    ...PREVIEW_COLUMNS.map(({ column, field }) => ({
      title: t(`fields.${field}`),
      key: column,
      render: (_: unknown, row: ImportPreviewRow) => {
        const value = row.stored[column];
        const problem = row.problems.find((p) => p.field === field);
        const shown = value === null ? '' : String(value);
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
