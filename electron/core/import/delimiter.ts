// Delimiter and record-separator detection for delimited text, on the first records of the decoded file.
// Quote-aware: a comma inside a quoted note does not count, and a quoted note that spans lines stays one
// record. The delimiter is the candidate that splits the most records into the same number (> 1) of fields.

const DELIMITERS = [',', '\t', ';', '|'] as const;

export type Newline = '\r\n' | '\n' | '\r';

/** The first record separator outside quotes (CRLF, LF or a lone CR), LF when there is none. */
export function detectNewline(sample: string): Newline {
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && c === 0x0d)
      return sample.charCodeAt(i + 1) === 0x0a ? '\r\n' : i + 1 < sample.length ? '\r' : '\r\n';
    else if (!quoted && c === 0x0a) return '\n';
  }
  return '\n';
}

/**
 * Field counts of the first `maxRecords` records of `sample` split by `delimiter` (RFC 4180 quoting; a
 * quote only opens a field at its start). The last record is dropped when the sample may have cut it.
 */
export function fieldCounts(sample: string, delimiter: string, complete: boolean, maxRecords = 50): number[] {
  const counts: number[] = [];
  let fields = 1;
  let atFieldStart = true;
  let quoted = false;
  let recordHasText = false;
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < sample.length && counts.length < maxRecords; i++) {
    const c = sample.charCodeAt(i);
    if (quoted) {
      if (c === 0x22) {
        if (sample.charCodeAt(i + 1) === 0x22) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === 0x22 && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      recordHasText = true;
    } else if (c === d) {
      fields++;
      atFieldStart = true;
      recordHasText = true;
    } else if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && sample.charCodeAt(i + 1) === 0x0a) i++;
      if (recordHasText) counts.push(fields);
      fields = 1;
      atFieldStart = true;
      recordHasText = false;
    } else {
      atFieldStart = false;
      recordHasText = true;
    }
  }
  if (complete && recordHasText && counts.length < maxRecords) counts.push(fields);
  return counts;
}

/**
 * The delimiter of a table sample: among `,` tab `;` `|`, the one whose most common field count (> 1)
 * covers the largest share of records, then the most fields; `preferred` (from a .tsv name) wins ties.
 * Falls back to a comma: a one-column file has no delimiter to find.
 */
export function detectDelimiter(sample: string, complete: boolean, preferred?: string): string {
  let best = { delimiter: preferred ?? ',', share: 0, fields: 1 };
  const candidates = preferred ? [preferred, ...DELIMITERS.filter((d) => d !== preferred)] : DELIMITERS;
  for (const delimiter of candidates) {
    const counts = fieldCounts(sample, delimiter, complete);
    if (counts.length === 0) continue;
    const tally = new Map<number, number>();
    for (const n of counts) tally.set(n, (tally.get(n) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [n, count] of tally) {
      if (n > 1 && (count > modeCount || (count === modeCount && n > mode))) {
        mode = n;
        modeCount = count;
      }
    }
    if (mode <= 1) continue;
    const share = modeCount / counts.length;
    if (share > best.share + 1e-9 || (Math.abs(share - best.share) < 1e-9 && mode > best.fields))
      best = { delimiter, share, fields: mode };
  }
  return best.delimiter;
}

/** Excel's `sep=;` first line names the delimiter (Excel hides that line; so do row numbers here). */
export function sepLine(sample: string): { delimiter: string; length: number } | null {
  const m = /^sep=(.)(\r\n|\n|\r)/i.exec(sample);
  return m ? { delimiter: m[1], length: m[0].length } : null;
}
