// The audit log's model: the filters (user, operation, date range), the entries matching them a page at
// a time (use-audit-entries.ts), and the user names to filter by: the vault's users and whoever appears in
// the entries shown (a removed user's entries stay in the log).
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { contract, OP_NAMES } from '../../../../shared/contract';
import { useOperation } from '../../hooks/use-operation';
import { useAuditEntries, type AuditQuery } from './use-audit-entries';

// Operations worth filtering by: everything the engine answers (the shell's dialogs leave no entry).
export const FILTER_OPS = OP_NAMES.filter((op) => contract[op].host !== 'shell');

export type Range = [Dayjs | null, Dayjs | null] | null;

export function useAudit() {
  const [userName, setUserName] = useState<string | undefined>();
  const [op, setOp] = useState<string | undefined>();
  const [range, setRange] = useState<Range>(null);
  const users = useOperation('users.list', {});

  const query = useMemo<AuditQuery>(
    () => ({
      userName,
      op,
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
    }),
    [userName, op, range],
  );
  const log = useAuditEntries(query);

  const userOptions = useMemo(() => {
    const names = new Set<string>();
    if (users.state.status === 'ok') for (const u of users.state.value) names.add(u.name);
    for (const entry of log.entries) if (entry.userName) names.add(entry.userName);
    return [...names].sort().map((name) => ({ value: name, label: name }));
  }, [users.state, log.entries]);

  return {
    log,
    userName,
    setUserName,
    op,
    setOp,
    range,
    setRange,
    userOptions,
    filtered: userName !== undefined || op !== undefined || range !== null,
    clear: () => {
      setUserName(undefined);
      setOp(undefined);
      setRange(null);
    },
  };
}

export type AuditModel = ReturnType<typeof useAudit>;
