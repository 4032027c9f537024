// What both wipe wizards ask for their certificate — where it goes, why the data is deleted, who did it
// and who verified it — and how that becomes the operations' input.
import type { ChosenFile, OpInput } from '../../../../shared/contract';
import type { PiplTrigger } from '../../../../shared/wipe';

export interface CertificateChoice {
  folder: ChosenFile | null;
  trigger: PiplTrigger;
  title: string;
  location: string;
  contact: string;
  verifier: string;
  verifierTitle: string;
}

export const NO_CHOICE: CertificateChoice = {
  folder: null,
  trigger: 'ceased-business',
  title: '',
  location: '',
  contact: '',
  verifier: '',
  verifierTitle: '',
};

const text = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

type Common = Pick<OpInput<'wipe.records'>, 'certificateDir' | 'trigger' | 'signatory' | 'verifier'>;

export function certificateInput(c: CertificateChoice): Common {
  const signatory = { title: text(c.title), location: text(c.location), contact: text(c.contact) };
  return {
    certificateDir: c.folder ? { handle: c.folder.handle } : undefined,
    trigger: c.trigger,
    signatory: Object.values(signatory).some(Boolean) ? signatory : undefined,
    verifier: text(c.verifier) ? { name: c.verifier.trim(), title: text(c.verifierTitle) } : undefined,
  };
}

/** A file's name without its folder: the window shows names, never paths. */
export const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** The client's name as typed to confirm: the same after trimming and Unicode normalisation. */
export const sameName = (typed: string, name: string): boolean =>
  typed.normalize('NFC').trim() === name.normalize('NFC').trim();
