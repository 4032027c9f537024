// The Records page: every customer record of the open vault in one virtual table (rows fetched a page at
// a time as they scroll into view, so a million records scroll like a hundred), a search box that finds
// any part of a name, phone, e-mail or address, filters on every classification and flag (also from a
// link: #/records?filter=…), a record's detail with provenance and history, and Export.
import { SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  ConfigProvider,
  Empty,
  Flex,
  Input,
  Skeleton,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '../../../shared/customer';
import type { RecordFilter } from '../../../shared/records';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { currentLang } from '../i18n';
import { formatNumber } from '../i18n/format';
import { filterFromHash } from './records/filter-hash';
import { FlagTags, StatusTag } from './records/record-cells';
import { RecordDetailDrawer } from './records/RecordDetailDrawer';
import { RecordFilters } from './records/RecordFilters';
import { RecordsExport } from './records/RecordsExport';
import { useRecordPages } from './records/use-record-pages';

/** One row of the virtual table: just its position; the record comes from the page cache. */
interface Row {
  key: number;
}

const SEARCH_DEBOUNCE_MS = 250;
/** Compact rows (4 px cell padding): one line of text or tags, 31 px with the border. */
const ROW_HEIGHT = 31;
/**
 * Chromium lays out at most ~33.5 million pixels in one element, and the virtual list is one element
 * as tall as all its rows: past this many rows the end could not be scrolled to, so the table stops
 * there and says so (a search or filter narrows it).
 */
const MAX_TABLE_ROWS = 1_000_000;

function subscribeHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The table's height: what the window leaves below the header, search and filters. */
function useTableHeight(): number {
  const [height, setHeight] = useState(() => Math.max(320, window.innerHeight - 400));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(320, window.innerHeight - 400));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

function RecordsView() {
  const { t } = useTranslation();
  const lang = currentLang();
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash);
  const fromHash = useMemo(() => filterFromHash(hash), [hash]);
  const [filter, setFilter] = useState<RecordFilter>(fromHash.filter);
  // A link from another page (a new hash) replaces the filters (adjusted while rendering, as React advises).
  const [seenHash, setSeenHash] = useState(hash);
  if (hash !== seenHash) {
    setSeenHash(hash);
    setFilter(fromHash.filter);
  }
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const request = useMemo(() => ({ query, filter }), [query, filter]);
  const data = useRecordPages(request);
  const [detail, setDetail] = useState<number | null>(null);
  const height = useTableHeight();

  const shownRows = Math.min(data.total, MAX_TABLE_ROWS);
  const rows = useMemo<Row[]>(() => Array.from({ length: shownRows }, (_, i) => ({ key: i })), [shownRows]);

  const columns = useMemo<TableColumnsType<Row>>(() => {
    const cell =
      (render: (r: CustomerRecord) => React.ReactNode) =>
      (_: unknown, row: Row): React.ReactNode => {
        const record = data.at(row.key);
        return record ? render(record) : <Skeleton.Input active size="small" style={{ height: 16 }} />;
      };
    const text = (v: string | null) => (
      <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
        {v ?? '—'}
      </Typography.Text>
    );
    return [
      { title: '#', key: 'id', width: 80, render: cell((r) => r.id) },
      {
        title: t('fields.name'),
        key: 'name',
        width: 150,
        render: cell((r) => <span data-testid="records-cell-name">{r.name ?? '—'}</span>),
      },
      {
        title: t('fields.organisation'),
        key: 'organisation',
        width: 180,
        render: cell((r) => text(r.organisation)),
      },
      {
        title: t('fields.phone'),
        key: 'phone',
        width: 190,
        render: cell((r) => (
          <Flex gap={4} align="center">
            <span data-testid="records-cell-phone">{r.phone ?? '—'}</span>
            <StatusTag status={r.status.phone} />
          </Flex>
        )),
      },
      {
        title: t('fields.email'),
        key: 'email',
        width: 220,
        render: cell((r) => (
          <Flex gap={4} align="center" style={{ minWidth: 0 }}>
            {text(r.email)}
            <StatusTag status={r.status.email} />
          </Flex>
        )),
      },
      {
        title: t('fields.address'),
        key: 'address',
        width: 260,
        render: cell((r) => text(r.address)),
      },
      {
        title: t('records.columns.type'),
        key: 'type',
        width: 100,
        render: cell((r) => t(`records.type.${r.type}`)),
      },
      {
        title: t('records.columns.region'),
        key: 'region',
        width: 140,
        render: cell(
          (r) => `${t(`records.region.${r.region}`)}${r.regionCountry ? ` ${r.regionCountry}` : ''}`,
        ),
      },
      {
        title: t('records.columns.category'),
        key: 'category',
        width: 130,
        render: cell((r) => r.category ?? <Typography.Text type="secondary">—</Typography.Text>),
      },
      {
        title: t('records.columns.flags'),
        key: 'flags',
        width: 220,
        render: cell((r) => <FlagTags record={r} />),
      },
      {
        title: t('records.columns.disposition'),
        key: 'disposition',
        width: 120,
        render: cell((r) =>
          r.disposition ? (
            <Tag>{t(`records.disposition.${r.disposition}`)}</Tag>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
        ),
      },
      {
        title: t('records.columns.source'),
        key: 'source',
        width: 200,
        render: cell((r) =>
          text(
            r.sources[0]
              ? `${r.sources[0].file}${r.sources[0].sheet ? `:${r.sources[0].sheet}` : ''}:${r.sources[0].row}`
              : null,
          ),
        ),
      },
    ];
    // data.version: re-render the visible rows when a page arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, data.at, data.version]);

  const totalText = data.totalExact
    ? t('records.total', { n: formatNumber(lang, data.total) })
    : t('records.totalAtLeast', { n: formatNumber(lang, data.total) });

  return (
    // inline-size containment: the wide table scrolls inside the page instead of widening it.
    <Flex vertical gap={16} style={{ contain: 'inline-size' }}>
      {fromHash.invalid ? <Alert type="warning" showIcon title={t('records.badLink')} /> : null}
      <Card size="small">
        <Flex vertical gap={12}>
          <Flex gap={12} align="center" wrap>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('records.searchPlaceholder')}
              aria-label={t('records.searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
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
          <RecordFilters filter={filter} onChange={setFilter} />
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
                onClick: () => {
                  const record = data.at(row.key);
                  if (record) setDetail(record.id);
                },
                style: { cursor: 'pointer', height: ROW_HEIGHT },
                'data-testid': 'records-row',
              })}
            />
          </ConfigProvider>
        )}
      </Card>
      {detail !== null ? <RecordDetailDrawer id={detail} onClose={() => setDetail(null)} /> : null}
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
