// The audit entries matching the filters, newest first, a page at a time ("Load older" asks for the
// entries before the oldest one shown).
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntryView, OpInput } from '../../../../shared/contract';
import { api, type ErrorValue } from '../../platform/api';

const PAGE_SIZE = 50;

export type AuditQuery = Omit<OpInput<'audit.list'>, 'beforeSeq' | 'limit'>;

interface Loaded {
  request: string;
  entries: AuditEntryView[];
  more: boolean;
  error: ErrorValue | null;
}

export interface AuditEntries {
  status: 'loading' | 'ok' | 'error';
  entries: AuditEntryView[];
  more: boolean;
  error: ErrorValue | null;
  loadingOlder: boolean;
  loadOlder: () => void;
  reload: () => void;
}

export function useAuditEntries(query: AuditQuery): AuditEntries {
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(query);
  const request = `${key}\n${generation}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);

  useEffect(() => {
    let live = true;
    void api.call('audit.list', { ...(JSON.parse(key) as AuditQuery), limit: PAGE_SIZE }).then((result) => {
      if (!live) return;
      setLoaded(
        result.ok
          ? { request, entries: result.value, more: result.value.length === PAGE_SIZE, error: null }
          : { request, entries: [], more: false, error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [key, request]);

  const current = loaded?.request === request ? loaded : null;

  const loadOlder = useCallback(() => {
    const oldest = current?.entries.at(-1);
    if (!current || !oldest) return;
    setLoadingOlder(true);
    void api
      .call('audit.list', { ...(JSON.parse(key) as AuditQuery), beforeSeq: oldest.seq, limit: PAGE_SIZE })
      .then((result) => {
        setLoadingOlder(false);
        setLoaded((latest) => {
          if (latest?.request !== request) return latest; // the filters changed meanwhile
          return result.ok
            ? {
                ...latest,
                entries: [...latest.entries, ...result.value],
                more: result.value.length === PAGE_SIZE,
                error: null,
              }
            : { ...latest, error: result.error };
        });
      });
  }, [current, key, request]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  return {
    status: !current ? 'loading' : current.error && current.entries.length === 0 ? 'error' : 'ok',
    entries: current?.entries ?? [],
    more: current?.more ?? false,
    error: current?.error ?? null,
    loadingOlder,
    loadOlder,
    reload,
  };
}
