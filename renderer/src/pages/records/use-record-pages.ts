// The Records page's data: pages of records fetched by offset as the virtual table asks for rows, a
// capped count first (fast) and the exact count after it when the vault is large, and a bounded cache of
// pages so scrolling through a million records keeps memory flat.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerRecord } from '../../../../shared/customer';
import type { RecordFilter } from '../../../../shared/records';
import { api, type ErrorValue } from '../../platform/api';

const PAGE_SIZE = 100;
/** Pages kept in memory (least recently shown are dropped first). */
const MAX_PAGES = 60;
/** Pages fetched per burst: when scrolling fast only the rows last shown matter. */
const MAX_PARALLEL = 3;

export interface RecordsQuery {
  query: string;
  filter: RecordFilter;
}

export interface RecordPagesState {
  status: 'loading' | 'ready' | 'error';
  total: number;
  /** False while only the capped count is known ("10 000+"). */
  totalExact: boolean;
  error: ErrorValue | null;
  /** Bumped whenever a page arrives, so rows re-render. */
  version: number;
  /** The record at a row, or undefined while its page is loading (asks for it). */
  at: (index: number) => CustomerRecord | undefined;
  reload: () => void;
}

export function useRecordPages(request: RecordsQuery): RecordPagesState {
  const key = JSON.stringify(request);
  const [generation, setGeneration] = useState(0);
  const [head, setHead] = useState<{
    key: string;
    status: 'loading' | 'ready' | 'error';
    total: number;
    totalExact: boolean;
    error: ErrorValue | null;
  }>({ key: '', status: 'loading', total: 0, totalExact: true, error: null });
  const [version, setVersion] = useState(0);
  const pages = useRef(new Map<number, CustomerRecord[]>());
  const inFlight = useRef(new Set<number>());
  const wanted = useRef<number[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(key);

  const fetchPage = useCallback(async (page: number, forKey: string) => {
    inFlight.current.add(page);
    const { query, filter } = JSON.parse(forKey) as RecordsQuery;
    const result = await api.call('records.query', {
      query: query || undefined,
      filter,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
      count: 'none',
    });
    inFlight.current.delete(page);
    if (live.current !== forKey || !result.ok) return;
    pages.current.delete(page);
    pages.current.set(page, result.value.records);
    while (pages.current.size > MAX_PAGES) pages.current.delete(pages.current.keys().next().value!);
    setVersion((v) => v + 1);
  }, []);

  // A new search or filter: the first page at once (no count: counting a filter reads the whole table),
  // then a capped count (quick for a search), then the exact count when the cap was reached.
  useEffect(() => {
    live.current = key;
    pages.current = new Map();
    inFlight.current = new Set();
    wanted.current = [];
    const { query, filter } = JSON.parse(key) as RecordsQuery;
    const base = { query: query || undefined, filter };
    let cancelled = false;
    void (async () => {
      const first = await api.call('records.query', { ...base, limit: PAGE_SIZE, count: 'none' });
      if (cancelled) return;
      if (!first.ok) {
        setHead({ key, status: 'error', total: 0, totalExact: true, error: first.error });
        return;
      }
      const shown = first.value.records.length;
      pages.current.set(0, first.value.records);
      setHead({ key, status: 'ready', total: shown, totalExact: shown < PAGE_SIZE, error: null });
      setVersion((v) => v + 1);
      if (shown < PAGE_SIZE) return;
      for (const count of ['capped', 'exact'] as const) {
        // The window's own follow-up, not the person's: it does not keep an idle vault unlocked.
        const counted = await api.call('records.query', { ...base, limit: 0, count }, { background: true });
        if (cancelled || !counted.ok) return;
        const { total, totalExact } = counted.value;
        setHead((h) => (h.key === key ? { ...h, total: total ?? h.total, totalExact } : h));
        if (totalExact) return;
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [key, generation]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const at = useCallback(
    (index: number): CustomerRecord | undefined => {
      const page = Math.floor(index / PAGE_SIZE);
      const rows = pages.current.get(page);
      if (rows) return rows[index - page * PAGE_SIZE];
      if (!inFlight.current.has(page) && !wanted.current.includes(page)) {
        wanted.current.push(page);
        // Rendering asks; a short timer fetches only the pages still wanted when scrolling pauses.
        if (!timer.current)
          timer.current = setTimeout(() => {
            timer.current = null;
            const latest = wanted.current.slice(-MAX_PARALLEL);
            wanted.current = [];
            for (const p of latest) void fetchPage(p, live.current);
          }, 60);
      }
      return undefined;
    },
    [fetchPage],
  );

  const current =
    head.key === key ? head : { status: 'loading' as const, total: 0, totalExact: true, error: null };
  return {
    status: current.status,
    total: current.total,
    totalExact: current.totalExact,
    error: current.error,
    version,
    at,
    reload: () => setGeneration((g) => g + 1),
  };
}
