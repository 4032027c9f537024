// CSV / TSV / TXT: decoded text → papaparse's low-level parser in step mode → table rows.
//
// The file is pulled 1 MiB at a time and parsed a slice at a time (limits.parseChars), each slice with
// "ignore the last (maybe incomplete) record"; what is left over is carried into the next slice.
// Papaparse's own stream mode is not used: pulling chunks with for-await gives back-pressure for free (the
// next slice is parsed only once the rows of this one are delivered, the next chunk read only once
// job.checkpoint() has run), and step mode reports where each record ends, so `raw` is the record's exact
// original text.
//
// Row numbers count records, as a spreadsheet does: the first record is row 1 and every record is one row,
// blank ones included, however many physical lines its quoted fields span.
import Papa, { type ParseStepResult } from 'papaparse';
import type { TextReaderContext } from './context';
import { detectDelimiter, detectNewline, sepLine } from './delimiter';
import { TableAssembler } from './table';
import { readText } from './text-source';
import type { ProblemKind } from './types';

interface Step {
  cells: string[];
  end: number;
  error: string | null;
}

export async function readCsv(ctx: TextReaderContext, preferTab: boolean): Promise<TableAssembler> {
  const { out, options, limits, encoding } = ctx;
  const sep = options.delimiter ? null : sepLine(ctx.sample);
  const sample = sep ? ctx.sample.slice(sep.length) : ctx.sample;
  const delimiter =
    options.delimiter ??
    sep?.delimiter ??
    detectDelimiter(sample, ctx.sampleComplete, preferTab ? '\t' : undefined);
  const newline = detectNewline(sample);
  out.result.encoding = encoding;
  out.result.delimiter = delimiter;
  if (sep)
    out.note(
      'sep-line',
      `the first line "sep=${sep.delimiter}" names the delimiter and is not counted as a row`,
    );

  const table = new TableAssembler(out, { headerRow: options.headerRow, strictWidth: true });
  let steps: Step[] = [];
  const parser = new Papa.Parser({
    delimiter,
    newline,
    quoteChar: '"',
    escapeChar: '"',
    step: (result: ParseStepResult<string[]>) => {
      steps.push({
        cells: (result.data as unknown as string[][])[0], // the low-level parser wraps the one row
        end: result.meta.cursor,
        error: result.errors.length > 0 ? result.errors[0].message : null,
      });
    },
  });

  let line = 0;
  /** The physical line (from 1) where the next record starts: quoted fields may span several. */
  let physical = 1;
  let partial = '';
  let discarding = false;

  const deliver = (text: string) => {
    const suspicious = text.includes('\uFFFD');
    let start = 0;
    for (const step of steps) {
      const end = step.end;
      const rawEnd =
        end - newline.length >= start && text.startsWith(newline, end - newline.length)
          ? end - newline.length
          : end;
      const raw = text.slice(start, rawEnd);
      start = end;
      line++;
      const startsAt = physical;
      physical += 1 + countLines(raw, newline);
      let problem: { kind: ProblemKind; reason: string } | undefined;
      if (step.error && /unterminated/i.test(step.error)) {
        // The file ends inside a quoted field: the last record is incomplete, never imported as if whole.
        out.reject(
          line,
          'unterminated-quote',
          `unterminated quoted field starting at line ${startsAt}: the file ends inside it, so the incomplete last record was set aside`,
          raw,
        );
        continue;
      }
      if (step.error) problem = { kind: 'malformed-quotes', reason: `${step.error} (line ${startsAt})` };
      else if (suspicious && raw.includes('\uFFFD'))
        problem = { kind: 'undecodable', reason: `holds bytes that are not valid ${encoding} (shown as �)` };
      table.add({ line, cells: step.cells, raw, problem });
    }
    steps = [];
  };

  const parse = (text: string, final: boolean) => {
    if (discarding) {
      // The rest of a line too long to keep: drop it up to the next line break.
      const nl = text.indexOf(newline);
      if (nl === -1) return;
      text = text.slice(nl + newline.length);
      discarding = false;
    }
    let agg = partial + text;
    partial = '';
    for (;;) {
      const result = parser.parse(agg, 0, !final) as { meta: { cursor: number } };
      const cursor = final ? agg.length : result.meta.cursor;
      deliver(agg);
      partial = agg.slice(cursor);
      if (final || partial.length <= limits.maxRecordChars) return;
      // A record this long is a quote that was opened and never closed. Set its first physical line
      // aside and go on from the next one, instead of swallowing the rest of the file into one field.
      const nl = partial.indexOf(newline);
      line++;
      physical++;
      if (nl === -1) {
        out.reject(
          line,
          'too-long',
          `a line longer than ${limits.maxRecordChars} characters was set aside`,
          partial.slice(0, 1024),
        );
        partial = '';
        discarding = true;
        return;
      }
      out.reject(
        line,
        'unclosed-quote',
        `a quoted field opened on this line is not closed within ${limits.maxRecordChars} characters; ` +
          'the line was set aside and reading went on with the next line',
        partial.slice(0, nl),
      );
      agg = partial.slice(nl + newline.length);
      partial = '';
    }
  };

  /** Where the slice from `at` ends: after the first line break past limits.parseChars (or the carry). */
  const sliceEnd = (text: string, at: number) => {
    // A record still open (a long quoted field) takes a slice as long as itself: re-parsed less each time.
    const want = at + Math.max(limits.parseChars, partial.length);
    if (want >= text.length) return text.length;
    const nl = text.indexOf(newline, want);
    return nl === -1 ? text.length : nl + newline.length;
  };

  let bytes = 0;
  let first = true;
  for await (let text of readText(ctx.file, encoding, (n) => (bytes = n), ctx.checkMix)) {
    if (first && sep) text = text.slice(sep.length);
    first = false;
    // A slice at a time, its rows written before the next slice is parsed (see limits.parseChars).
    for (let at = 0; at < text.length && !out.done;) {
      const end = sliceEnd(text, at);
      parse(at === 0 && end === text.length ? text : text.slice(at, end), false);
      at = end;
      await out.drain();
    }
    await out.tick(bytes, ctx.size);
    if (out.done) break;
  }
  if (!out.done) {
    parse('', true);
    table.finish();
  }
  await out.drain();
  return table;
}

function countLines(raw: string, newline: string): number {
  let n = 0;
  for (let i = raw.indexOf(newline); i !== -1; i = raw.indexOf(newline, i + newline.length)) n++;
  return n;
}
