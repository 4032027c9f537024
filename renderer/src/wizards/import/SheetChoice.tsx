// A workbook's sheets in the Import wizard: each with its row count, whether it lists customers, and a
// checkbox; the ticked ones are imported, each as its own source (every sheet with customers by default).
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract';
import { currentLang } from '../../i18n';
import { formatNumber } from '../../i18n/format';

type Sheet = ImportPreview['sheets'][number];

export function SheetChoice({
  sheets,
  chosen,
  onChoose,
}: {
  sheets: Sheet[];
  chosen: string[];
  onChoose: (sheets: string[]) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Table<Sheet>
      size="small"
      pagination={false}
      rowKey="name"
      data-testid="import-sheets"
      dataSource={sheets}
      rowSelection={{
        selectedRowKeys: chosen,
        // Kept in the workbook's order, whatever order they were ticked in.
        onChange: (keys) => onChoose(sheets.map((s) => s.name).filter((name) => keys.includes(name))),
        getCheckboxProps: (s) => ({ 'data-testid': 'import-sheet-check', 'data-sheet': s.name }) as object,
      }}
      onRow={(s) => ({ 'data-testid': 'import-sheet-row', 'data-sheet': s.name }) as object}
      columns={[
        { title: t('importWizard.sheets.name'), dataIndex: 'name', key: 'name' },
        {
          title: t('importWizard.sheets.rows'),
          key: 'rows',
          render: (_: unknown, s) => (s.rows === null ? '—' : formatNumber(lang, s.rows)),
        },
        {
          title: '',
          key: 'tags',
          render: (_: unknown, s) => (
            <>
              {s.holdsCustomers ? (
                <Tag color="blue">{t('importWizard.sheets.customers')}</Tag>
              ) : (
                <Tag>{t('importWizard.sheets.noCustomers')}</Tag>
              )}
              {s.state !== 'visible' ? <Tag color="default">{t('importWizard.sheets.hidden')}</Tag> : null}
            </>
          ),
        },
      ]}
    />
  );
}
