// One file's mapping in the Import wizard: its sheet (XLSX) or encoding (text), templates, each source
// column to a field (one column per field), kept as an extra field or skipped, and the live preview of the
// first rows as they will be stored.
import { Alert, Flex, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_FIELDS, type ColumnMapping, type ColumnTarget } from '../../../../shared/customer';
import type { ImportPreviewRow } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ChosenInput } from './chosen-input';
import { previewColumns } from './preview-columns';
import { Templates } from './Templates';

/** Encodings offered when detection guessed wrong; iconv-lite names. */
const ENCODINGS = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];
const TARGETS: ColumnTarget[] = [...CUSTOMER_FIELDS, 'extra', 'skip'];

export function FileMapping({
  file,
  onChange,
}: {
  file: ChosenInput;
  onChange: (choice: Partial<ChosenInput>) => void;
}) {
  const { t } = useTranslation();
  const preview = file.preview;
  if (!preview) return file.error ? <ErrorAlert error={file.error} /> : null;
  const mapping = preview.mapping;
  const setTarget = (header: string, target: ColumnTarget) => {
    const next: ColumnMapping = { ...mapping, [header]: target };
    // One column per field: the column that had this field gives it up.
    if (target !== 'extra' && target !== 'skip')
      for (const [h, tgt] of Object.entries(next)) if (h !== header && tgt === target) next[h] = 'extra';
    onChange({ mapping: next });
  };
  const targetLabel = (target: ColumnTarget) =>
    target === 'extra' || target === 'skip' ? t(`importWizard.targets.${target}`) : t(`fields.${target}`);

  return (
    <Flex vertical gap={16} data-testid="import-mapping" data-file={file.name}>
      <Flex gap={16} wrap>
        {preview.format === 'xlsx' && preview.sheets.length > 1 ? (
          <label>
            {t('importWizard.chooseSheet')}{' '}
            <Select
              style={{ minWidth: 160 }}
              value={preview.sheet ?? undefined}
              onChange={(sheet) => onChange({ sheet, mapping: undefined })}
              options={preview.sheets.map((s) => ({ value: s.name, label: s.name }))}
              data-testid="import-sheet"
            />
          </label>
        ) : null}
        {preview.format !== 'xlsx' ? (
          <label>
            {t('importWizard.chooseEncoding')}{' '}
            <Select
              style={{ minWidth: 140 }}
              value={preview.encoding ?? undefined}
              onChange={(encoding) => onChange({ encoding })}
              options={[...new Set([preview.encoding ?? 'utf-8', ...ENCODINGS])].map((e) => ({
                value: e,
                label: e,
              }))}
              data-testid="import-encoding-select"
            />
          </label>
        ) : null}
        <Templates mapping={mapping} onApply={(m) => onChange({ mapping: m })} />
      </Flex>
      {preview.notes.length > 0 ? (
        <Alert
          type="info"
          showIcon
          title={preview.notes
            .map((n) => t(`importWizard.notes.${n.kind}`, { defaultValue: n.message }))
            .join(' ')}
        />
      ) : null}
      <Table
        size="small"
        pagination={false}
        rowKey="header"
        data-testid="import-mapping-table"
        dataSource={preview.headers.map((header) => ({ header, target: mapping[header] ?? 'extra' }))}
        columns={[
          { title: t('importWizard.sourceColumn'), dataIndex: 'header', key: 'header' },
          {
            title: t('importWizard.field'),
            key: 'target',
            render: (_: unknown, row: { header: string; target: ColumnTarget }) => (
              <Select
                style={{ minWidth: 180 }}
                value={row.target}
                onChange={(target) => setTarget(row.header, target)}
                options={TARGETS.map((target) => ({ value: target, label: targetLabel(target) }))}
                data-testid="import-target"
                data-header={row.header}
              />
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('importWizard.previewTitle', { count: preview.rows.length })}
      </Typography.Title>
      <PreviewTable rows={preview.rows} loading={file.loading} />
    </Flex>
  );
}

function PreviewTable({ rows, loading }: { rows: ImportPreviewRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns = previewColumns(t);
  return (
    <Table
      size="small"
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={false}
      rowKey={(row) => `${row.sheet ?? ''}:${row.row}`}
      dataSource={rows}
      columns={columns}
      data-testid="import-preview"
    />
  );
}
