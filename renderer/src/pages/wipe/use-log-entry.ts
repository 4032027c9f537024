// What the paper and cloud logs share: an evidence file chosen for the engine to hash, and sending one
// entry (busy while it goes; on success the form and the evidence are cleared and the list reloads).
import { useState } from 'react';
import type { ChosenFile } from '../../../../shared/contract';
import { type ErrorValue, type Result } from '../../platform/api';
import { chooseFile } from '../../platform/dialogs';

/** A text field's value, trimmed, or undefined when nothing is left. */
export const optionalText = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

export function useLogEntry(onLogged: () => void) {
  const [evidence, setEvidence] = useState<ChosenFile | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [busy, setBusy] = useState(false);

  const attach = async () => {
    const picked = await chooseFile({ kind: 'open', purpose: 'wipe-evidence' });
    if (!picked.ok) setError(picked.error);
    else if (picked.value) setEvidence(picked.value);
  };

  /** Sends the entry built with the evidence's handle; `reset` clears the form once it is logged. */
  const send = async (
    call: (evidence: { handle: string } | undefined) => Promise<Result<unknown>>,
    reset: () => void,
  ) => {
    setBusy(true);
    setError(null);
    const result = await call(evidence ? { handle: evidence.handle } : undefined);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    reset();
    setEvidence(null);
    onLogged();
  };

  return { evidence, error, busy, attach, send };
}
