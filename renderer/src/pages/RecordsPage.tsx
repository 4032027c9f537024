// The Records page: every customer record of the open vault in one virtual table (rows fetched a page at
// a time as they scroll into view, so a million records scroll like a hundred), a search box that finds
// any part of a name, phone, e-mail or address, filters on every classification and flag (also from a
// link: #/records?filter=…), a record's detail with provenance and history, and Export. The page's data is
// its model (records/use-records.ts); the columns are records/record-columns.tsx.
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { currentLang } from '../i18n';
import { formatNumber } from '../i18n/format';
import { RecordDetailDrawer } from './records/RecordDetailDrawer';
import { RecordFilters } from './records/RecordFilters';
import { RecordsExport } from './records/RecordsExport';
import { RecordsTable } from './records/RecordsTable';
import { MAX_TABLE_ROWS, useRecords } from './records/use-records';

function RecordsView() {
  const { t } = useTranslation();
  const lang = currentLang();
  const model = useRecords();
  const { data, filter, query } = model;

  const totalText = data.totalExact
    ? t('records.total', { n: formatNumber(lang, data.total) })
    : t('records.totalAtLeast', { n: formatNumber(lang, data.total) });

  return (
    // inline-size containment: the wide table scrolls inside the page instead of widening it.
    <Flex vertical gap={16} style={{ contain: 'inline-size' }}>
      {model.badLink ? <Alert type="warning" showIcon title={t('records.badLink')} /> : null}
      <Card size="small">
        <Flex vertical gap={12}>
          <Flex gap={12} align="center" wrap>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('records.searchPlaceholder')}
              aria-label={t('records.searchPlaceholder')}
              value={model.search}
              onChange={(e) => model.setSearch(e.target.value)}
              style={{ maxWidth: 420 }}
              data-testid="records-search"
            />
            <Typography.Text data-testid="records-total" data-total={data.total} data-exact={data.totalExact}>
              {data.status === 'ready' ? totalText : ' '}
            </Typography.Text>
            <div style={{ marginInlineStart: 'auto' }}>
              <RecordsExport query={query} filter={filter} count={data.total} />
            </div>
          </Flex>
          <RecordFilters filter={filter} onChange={model.setFilter} />
        </Flex>
      </Card>
      {data.total > MAX_TABLE_ROWS ? (
        <Alert
          type="info"
          showIcon
          title={t('records.tooMany', { n: formatNumber(lang, MAX_TABLE_ROWS) })}
          data-testid="records-too-many"
        />
      ) : null}
      <RecordsTable model={model} />
      {model.detail !== null ? <RecordDetailDrawer id={model.detail} onClose={model.closeDetail} /> : null}
    </Flex>
  );
}

export function RecordsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.records')} subtitle={t('records.subtitle')} />
      <RequireSession>{() => <RecordsView />}</RequireSession>
    </>
  );
}
