// The Incidents page's register model: the incidents, the emergency plan the drafts are filled from, and
// the acts on an incident (register, write a notice draft into a chosen folder, record it sent, decide it
// is not required, close), each answering with one error to show.
import { useState } from 'react';
import type { IncidentEntry, OpInput } from '../../../../shared/contract';
import { useCall } from '../../hooks/use-call';
import { useChooseFile } from '../../hooks/use-choose-file';
import { useOperation } from '../../hooks/use-operation';
import { currentLang } from '../../i18n';
import { api } from '../../platform/api';

type Obligation = Pick<OpInput<'incidents.notice'>, 'regime' | 'audience'>;

export function useIncidents() {
  const list = useOperation('incidents.list', {});
  const plan = useOperation('incidents.plan', { language: currentLang() });
  const call = useCall();
  const chooser = useChooseFile();
  const [adding, setAdding] = useState(false);
  const [noticeFor, setNoticeFor] = useState<IncidentEntry | null>(null);
  const [closing, setClosing] = useState<IncidentEntry | null>(null);

  /** Runs an act; on success reloads the register and keeps the open dialog on the fresh entry. */
  const act = async <T extends IncidentEntry>(run: () => Promise<T | null>): Promise<T | null> => {
    const done = await run();
    if (done) {
      list.reload();
      setNoticeFor((open) => (open && open.id === done.id ? done : open));
    }
    return done;
  };

  const add = async (input: OpInput<'incidents.add'>): Promise<boolean> => {
    const added = await act(() => call.run('incidents.add', input));
    if (added) setAdding(false);
    return added !== null;
  };

  const writeDraft = (e: IncidentEntry, o: Obligation) =>
    act(() =>
      chooser.chooseAndCall({ purpose: 'incident-output', kind: 'folder' }, (folder) =>
        api.call('incidents.notice', { id: e.id, ...o, out: { handle: folder.handle } }),
      ),
    );

  /** Sent now; with the reasons for the delay when the notice is late and the law asks for them. */
  const markSent = (e: IncidentEntry, o: Obligation, delayReasons?: string) =>
    act(() =>
      call.run('incidents.notice', {
        id: e.id,
        ...o,
        sentAt: new Date().toISOString(),
        ...(delayReasons ? { delayReasons } : {}),
      }),
    );

  /** The reasons for the delay of a notice already recorded as sent late. */
  const recordDelay = (e: IncidentEntry, o: Obligation, delayReasons: string) =>
    act(() => call.run('incidents.notice', { id: e.id, ...o, delayReasons }));

  const decide = (e: IncidentEntry, o: Obligation, reason: string) =>
    act(() => call.run('incidents.decide', { id: e.id, ...o, decision: 'not-required', reason }));

  const close = async (note: string): Promise<boolean> => {
    if (!closing) return false;
    const id = closing.id;
    const closed = await act(() => call.run('incidents.close', { id, note }));
    if (closed) setClosing(null);
    return closed !== null;
  };

  return {
    state: list.state,
    plan: plan.state.status === 'ok' ? plan.state.value : null,
    error: call.error ?? chooser.error,
    busy: call.busy || chooser.choosing || chooser.calling,
    adding,
    setAdding,
    noticeFor,
    setNoticeFor,
    closing,
    setClosing,
    add,
    writeDraft,
    markSent,
    recordDelay,
    decide,
    close,
  };
}
