// Streaming parser of an XLSX shared-strings part (xl/sharedStrings.xml) into plain strings. Written here
// rather than taken from exceljs because the plain text is all import needs (rich text runs are joined),
// phonetic guides (<rPh>) must not replace the text, and the count must be limited while parsing: every
// string stays in memory while the sheet is read. OOXML `_xHHHH_` escapes are left for the cell reader to
// decode, as it does for inline strings, so that no text is decoded twice.
import { decodeXmlEntities } from './xml-text';

export class SharedStringsLimitError extends Error {
  constructor(readonly count: number) {
    super(`more than ${count} shared strings`);
  }
}

export class SharedStringsParser {
  readonly strings: string[] = [];
  private carry = '';
  private prefix: string | null = null;
  private siOpen = '<si';
  private siClose = '</si>';
  private textPattern = /<t(?:\s[^>]*)?(?<!\/)>([\s\S]*?)<\/t>/g;
  private phonetic = /<rPh[\s>][\s\S]*?<\/rPh>/g;

  /**
   * @param maxCount refuse (SharedStringsLimitError) past this many strings
   * @param stopAfter stop parsing once this many strings are known (a preview needs the first few only)
   */
  constructor(
    private readonly maxCount: number,
    private readonly stopAfter = Infinity,
  ) {}

  /** True once `stopAfter` strings are known. */
  get done(): boolean {
    return this.strings.length >= this.stopAfter;
  }

  /** The `uniqueCount` the part declares, when its start tag has been seen. */
  declaredCount: number | null = null;

  write(text: string): void {
    if (this.done) return;
    let xml = this.carry + text;
    if (this.prefix === null) {
      const sst = /<([\w.-]+:)?sst\b([^>]*)>/.exec(xml);
      if (!sst) {
        this.carry = xml;
        return;
      }
      this.setPrefix(sst[1] ?? '');
      const unique = /\buniqueCount\s*=\s*["'](\d+)["']/.exec(sst[2]);
      if (unique) {
        this.declaredCount = Number(unique[1]);
        if (this.declaredCount > this.maxCount) throw new SharedStringsLimitError(this.maxCount);
      }
      xml = xml.slice(sst.index + sst[0].length);
    }
    let at = 0;
    for (;;) {
      const open = xml.indexOf(this.siOpen, at);
      if (open === -1) {
        // Keep a tag the chunk may have cut ("<s", "<si") for the next chunk.
        const lt = xml.lastIndexOf('<');
        at = lt >= at ? lt : xml.length;
        break;
      }
      if (open + this.siOpen.length >= xml.length) {
        at = open; // the chunk ends right after "<si": wait for the next one
        break;
      }
      const after = xml.charCodeAt(open + this.siOpen.length);
      // `<si>`, `<si …>` or `<si/>`; anything else (`<sic>`?) is not a string item.
      if (after !== 0x3e && after !== 0x20 && after !== 0x2f && after !== 0x09 && after !== 0x0a) {
        at = open + 1;
        continue;
      }
      const tagEnd = xml.indexOf('>', open);
      if (tagEnd === -1) {
        at = open;
        break;
      }
      if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
        this.push('');
        at = tagEnd + 1;
        continue;
      }
      const close = xml.indexOf(this.siClose, tagEnd);
      if (close === -1) {
        at = open;
        break;
      }
      this.push(this.itemText(xml.slice(tagEnd + 1, close)));
      at = close + this.siClose.length;
      if (this.done) break;
    }
    this.carry = xml.slice(at);
  }

  private setPrefix(prefix: string): void {
    this.prefix = prefix;
    const p = prefix.replace(/[.]/g, '\\.');
    this.siOpen = `<${prefix}si`;
    this.siClose = `</${prefix}si>`;
    this.textPattern = new RegExp(`<${p}t(?:\\s[^>]*)?(?<!/)>([\\s\\S]*?)<\\/${p}t>`, 'g');
    this.phonetic = new RegExp(`<${p}rPh[\\s>][\\s\\S]*?<\\/${p}rPh>`, 'g');
  }

  private itemText(inner: string): string {
    const body = inner.includes('rPh') ? inner.replace(this.phonetic, '') : inner;
    let text = '';
    for (const m of body.matchAll(this.textPattern)) text += m[1];
    return decodeXmlEntities(text);
  }

  private push(text: string): void {
    if (this.strings.length >= this.maxCount) throw new SharedStringsLimitError(this.maxCount);
    this.strings.push(text);
  }
}
