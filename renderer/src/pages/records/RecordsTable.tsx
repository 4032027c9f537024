// The Records page's table: one virtual table over every matching record (rows of one fixed height, each
// cell one line), or why there is none (an error, an empty vault, no match). A row opens its detail.
import { Card, ConfigProvider, Empty, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { recordColumns } from './record-columns';
import type { RecordsModel, Row } from './use-records';

/** Compact rows (4 px cell padding): one line of text or tags, 31 px with the border. */
const ROW_HEIGHT = 31;

export function RecordsTable({ model }: { model: RecordsModel }) {
  const { t } = useTranslation();
  const { data, query, filter, rows, height } = model;
  const columns = useMemo(
    () => recordColumns(t, data.at),
    // data.version: re-render the visible rows when a page arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, data.at, data.version],
  );

  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      {data.status === 'error' && data.error ? (
        <ErrorAlert error={data.error} />
      ) : data.status === 'ready' && data.total === 0 ? (
        <Empty
          style={{ padding: 32 }}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={query || Object.keys(filter).length ? t('records.noMatch') : t('records.empty')}
          data-testid="records-empty"
        />
      ) : (
        <ConfigProvider theme={{ components: { Table: { cellPaddingBlockSM: 4 } } }}>
          <Table<Row>
            data-testid="records-table"
            virtual
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={rows}
            pagination={false}
            loading={data.status === 'loading'}
            scroll={{ x: 2100, y: height }}
            onRow={(row) => ({
              onClick: () => model.openRow(row),
              style: { cursor: 'pointer', height: ROW_HEIGHT },
              'data-testid': 'records-row',
            })}
          />
        </ConfigProvider>
      )}
    </Card>
  );
}
