// The Requests page's model: the register, and the acts on it (register, fulfil into a chosen folder,
// close), each answering with one error to show.
import { useState } from 'react';
import type { OpInput, RequestEntry } from '../../../../shared/contract';
import { useCall } from '../../hooks/use-call';
import { useChooseFile } from '../../hooks/use-choose-file';
import { useOperation } from '../../hooks/use-operation';
import { api } from '../../platform/api';

export function useRequests() {
  const list = useOperation('requests.list', {});
  const call = useCall();
  const chooser = useChooseFile();
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState<RequestEntry | null>(null);
  const [correcting, setCorrecting] = useState<RequestEntry | null>(null);
  const [extending, setExtending] = useState<RequestEntry | null>(null);

  const add = async (input: OpInput<'requests.add'>): Promise<boolean> => {
    const added = await call.run('requests.add', input);
    if (added) {
      setAdding(false);
      list.reload();
    }
    return added !== null;
  };

  /** Into a folder the person chooses; a correction asks for its new values first (`corrections`). */
  const fulfil = async (
    request: RequestEntry,
    corrections: OpInput<'requests.fulfil'>['corrections'] = [],
  ): Promise<RequestEntry | null> => {
    if (request.kind === 'correct' && request.recordId !== null && corrections?.length === 0) {
      setCorrecting(request);
      return null;
    }
    const done = await chooser.chooseAndCall({ purpose: 'request-output', kind: 'folder' }, (folder) =>
      api.call('requests.fulfil', { id: request.id, out: { handle: folder.handle }, corrections }),
    );
    if (done) {
      setCorrecting(null);
      list.reload();
    }
    return done;
  };

  const extend = async (input: OpInput<'requests.extend'>): Promise<boolean> => {
    const extended = await call.run('requests.extend', input);
    if (extended) {
      setExtending(null);
      list.reload();
    }
    return extended !== null;
  };

  /** CCPA: receipt confirmed to the person today. */
  const acknowledge = async (request: RequestEntry): Promise<boolean> => {
    const done = await call.run('requests.acknowledge', { id: request.id });
    if (done) list.reload();
    return done !== null;
  };

  const close = async (input: OpInput<'requests.close'>): Promise<boolean> => {
    const closed = await call.run('requests.close', input);
    if (closed) {
      setClosing(null);
      list.reload();
    }
    return closed !== null;
  };

  return {
    state: list.state,
    error: call.error ?? chooser.error,
    busy: call.busy || chooser.choosing || chooser.calling,
    adding,
    setAdding,
    closing,
    setClosing,
    correcting,
    setCorrecting,
    extending,
    setExtending,
    add,
    fulfil,
    extend,
    acknowledge,
    close,
  };
}
