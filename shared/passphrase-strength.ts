// One rule for passphrase strength, used by the engine (which enforces it) and by the renderer's
// strength meter (which only shows it). A rough entropy estimate by character classes and length,
// with penalties for repeats and sequences; CJK characters count as a large alphabet.
export interface PassphraseAssessment {
  /** 0 very weak … 4 strong. The engine requires MIN_SCORE. */
  score: 0 | 1 | 2 | 3 | 4;
  bits: number;
  problems: Array<'too-short' | 'repeated' | 'sequence' | 'one-class'>;
}

const MIN_LENGTH = 10;
export const MIN_SCORE = 2;

export function assessPassphrase(passphrase: string): PassphraseAssessment {
  const chars = [...passphrase.normalize('NFC')];
  const problems: PassphraseAssessment['problems'] = [];
  let pool = 0;
  const has = (re: RegExp) => chars.some((c) => re.test(c));
  if (has(/[a-z]/)) pool += 26;
  if (has(/[A-Z]/)) pool += 26;
  if (has(/[0-9]/)) pool += 10;
  if (has(/[^\p{L}\p{N}]/u)) pool += 33;
  if (has(/[\u3400-\u9fff]/)) pool += 3000;
  else if (chars.some((c) => c.codePointAt(0)! > 0x7f)) pool += 100;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => has(re)).length;

  // Effective length: runs of one character and straight sequences count once.
  let effective = 0;
  let repeats = 0;
  let sequences = 0;
  for (let i = 0; i < chars.length; i++) {
    const prev = i > 0 ? chars[i - 1].codePointAt(0)! : NaN;
    const cur = chars[i].codePointAt(0)!;
    if (cur === prev) repeats++;
    else if (Math.abs(cur - prev) === 1) sequences++;
    else effective++;
  }
  effective += (repeats + sequences) * 0.25;
  if (repeats >= chars.length / 3 && chars.length > 0) problems.push('repeated');
  if (sequences >= chars.length / 3 && chars.length > 2) problems.push('sequence');
  if (chars.length < MIN_LENGTH) problems.push('too-short');
  if (classes <= 1 && !has(/[\u3400-\u9fff]/)) problems.push('one-class');

  const bits = Math.round(effective * Math.log2(Math.max(pool, 1)));
  let score: PassphraseAssessment['score'] =
    bits < 28 ? 0 : bits < 45 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  if (chars.length < MIN_LENGTH && score > 1) score = 1;
  return { score, bits, problems };
}
