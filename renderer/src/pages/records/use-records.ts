// The Records page's model: the filter (from a link's hash, replaced when another page links here), the
// search box (debounced), the pages of records for both, the record whose detail is open, and the table's
// height and rows. A million records scroll like a hundred: rows are positions, records come from a cache.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { RecordFilter } from '../../../../shared/records';
import { filterFromHash } from './filter-hash';
import { useRecordPages } from './use-record-pages';

/** One row of the virtual table: just its position; the record comes from the page cache. */
export interface Row {
  key: number;
}

const SEARCH_DEBOUNCE_MS = 250;
/**
 * Chromium lays out at most ~33.5 million pixels in one element, and the virtual list is one element
 * as tall as all its rows: past this many rows the end could not be scrolled to, so the table stops
 * there and says so (a search or filter narrows it).
 */
export const MAX_TABLE_ROWS = 1_000_000;

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

export function useRecords() {
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

  return {
    badLink: fromHash.invalid,
    filter,
    setFilter,
    search,
    setSearch,
    query,
    data,
    rows,
    height,
    detail,
    /** Opens the detail of the record at a row, once its page has arrived. */
    openRow: (row: Row) => {
      const record = data.at(row.key);
      if (record) setDetail(record.id);
    },
    closeDetail: () => setDetail(null),
  };
}

export type RecordsModel = ReturnType<typeof useRecords>;
