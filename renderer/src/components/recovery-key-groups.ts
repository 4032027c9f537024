// Live feedback while a recovery key is typed: which of the 13 groups are complete and check out, and
// the first group that does not. Each group is checked on its own by shared/recovery-key's
// checkRecoveryKey, with the other twelve positions filled by a group that always checks out.
import { checkRecoveryKey } from '../../../shared/recovery-key';

const GROUPS = 13;
const GROUP_LENGTH = 5;
// "0000" has check character "0" (Luhn over zeros), so "00000" is a valid group anywhere.
const NEUTRAL_GROUP = '00000';

export type GroupState = 'empty' | 'partial' | 'ok' | 'mistyped' | 'character';

export interface RecoveryKeyFeedback {
  groups: GroupState[];
  /** Groups typed so far (the last may be partial). */
  typed: number;
  complete: boolean;
  tooLong: boolean;
  firstProblem: { group: number; kind: 'mistyped' | 'character'; char?: string } | null;
}

/** As the engine reads it: case, spaces and dashes are ignored (the look-alikes are its business). */
const compact = (text: string) => text.toUpperCase().replace(/[\s\-_]/g, '');

function checkGroup(index: number, group: string): { state: GroupState; char?: string } {
  const probe = Array.from({ length: GROUPS }, (_, i) => (i === index ? group : NEUTRAL_GROUP)).join('-');
  const problem = checkRecoveryKey(probe);
  if (!problem) return { state: 'ok' };
  if (problem.kind === 'character') return { state: 'character', char: problem.char };
  return { state: 'mistyped' };
}

export function recoveryKeyFeedback(text: string): RecoveryKeyFeedback {
  const chars = compact(text);
  const groups: GroupState[] = [];
  let firstProblem: RecoveryKeyFeedback['firstProblem'] = null;
  for (let i = 0; i < GROUPS; i++) {
    const group = chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH);
    if (group.length === 0) groups.push('empty');
    else if (group.length < GROUP_LENGTH) groups.push('partial');
    else {
      const { state, char } = checkGroup(i, group);
      groups.push(state);
      if (!firstProblem && (state === 'mistyped' || state === 'character'))
        firstProblem = { group: i + 1, kind: state, char };
    }
  }
  const tooLong = chars.length > GROUPS * GROUP_LENGTH;
  return {
    groups,
    typed: Math.min(GROUPS, Math.ceil(chars.length / GROUP_LENGTH)),
    complete: !tooLong && checkRecoveryKey(text) === null,
    tooLong,
    firstProblem,
  };
}
