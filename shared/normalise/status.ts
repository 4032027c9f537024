// The verdict shapes every normaliser and identifier check returns, so the import wizard can show
// one column of statuses whatever the field. Invalid values are flagged, never silently "fixed":
// a normalised value exists only on statuses where normalising lost nothing.

/** The cell was empty (or only whitespace and invisible characters). */
export interface Missing {
  status: 'missing';
}

/** Present but wrong; `problem` says why, for the wizard's message and for counts in logs. */
export interface Invalid<Problem extends string> {
  status: 'invalid';
  problem: Problem;
}

export const MISSING: Missing = Object.freeze({ status: 'missing' });

export const invalid = <Problem extends string>(problem: Problem): Invalid<Problem> => ({
  status: 'invalid',
  problem,
});
