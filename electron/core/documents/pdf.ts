// The one way Closeout makes a PDF (recovery sheet, certificates, reports): A4 over pdfkit with the Noto
// Sans SC TTFs embedded as subsets, so Chinese and English both print and both come back out of pdftotext.
// Same inputs, same bytes: the dates are passed in and nothing random goes into the file.
import type PDFKitDocument from 'pdfkit';
import QRCode from 'qrcode';
import { locateFonts } from './fonts';
import { formatDateTime } from './write-document';
import {
  A4,
  CODE_SPACING,
  COLOR,
  lineGap,
  MARGIN,
  SIZE,
  type DocumentMeta,
  type KeyValueRow,
  type Region,
  type SignatureField,
} from './page';

// require, not import: for an import esbuild picks pdfkit's ESM build, which reads import.meta.url while
// loading, and the CommonJS bundle (dist/) leaves that empty, so the module throws before any PDF is made.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PDFDocument: typeof PDFKitDocument = require('pdfkit');

export class DocumentBuilder {
  readonly doc: PDFKit.PDFDocument;
  private readonly font: { regular: string; bold: string };
  private cursor = MARGIN.top;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(private readonly meta: DocumentMeta) {
    // Fonts go by their TTF paths. pdfkit caches a font under the name it was first opened by and the
    // constructor opens the regular one by path (without it pdfkit loads Helvetica, which the bundle cannot
    // find); a registerFont alias of the same file would be missed by that cache and re-read, 10 MB a call.
    const fonts = locateFonts();
    this.font = { regular: fonts.regular, bold: fonts.bold };
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      font: fonts.regular,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: 'Closeout',
        Subject: meta.subject,
        Keywords: meta.keywords,
        Creator: `Closeout ${meta.appVersion}`,
        Producer: 'Closeout (pdfkit)',
        CreationDate: meta.createdAt,
        ModDate: meta.createdAt,
      },
    });
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.on('pageAdded', () => {
      this.cursor = MARGIN.top;
    });
  }

  get left(): number {
    return MARGIN.left;
  }

  get width(): number {
    return A4.width - MARGIN.left - MARGIN.right;
  }

  /** The full text width. */
  get full(): Region {
    return { x: this.left, width: this.width };
  }

  /** Where the next block starts. */
  get y(): number {
    return this.cursor;
  }

  set y(value: number) {
    this.cursor = value;
  }

  /** Room left on this page above the footer. */
  get room(): number {
    return A4.height - MARGIN.bottom - this.cursor;
  }

  space(points: number): this {
    this.cursor += points;
    return this;
  }

  /** Pages so far. */
  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  newPage(): this {
    this.doc.addPage();
    return this;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  keep(height: number): this {
    if (height > this.room) this.doc.addPage();
    return this;
  }

  /** The document title: Chinese and English on one baseline, an optional subtitle, a heavy rule. */
  title(zh: string, en: string, subtitle?: string): this {
    const baseline = this.cursor + 22;
    this.doc.font(this.font.bold).fontSize(22).fillColor(COLOR.ink);
    this.doc.text(zh, this.left, baseline, { baseline: 'alphabetic', lineBreak: false });
    const zhWidth = this.doc.widthOfString(zh);
    this.doc.font(this.font.regular).fontSize(16);
    this.doc.text(en, this.left + zhWidth + 12, baseline, { baseline: 'alphabetic', lineBreak: false });
    this.cursor = baseline + 10;
    if (subtitle) this.text(subtitle, { size: SIZE.bodyEn, color: COLOR.muted });
    this.cursor += 8;
    this.rule(1.2, COLOR.ink);
    this.cursor += 12;
    return this;
  }

  /** A section heading: Chinese in bold, the English after it, a hairline under both. */
  heading(zh: string, en: string, region: Region = this.full): this {
    this.keep(60);
    const size = 11;
    this.doc.font(this.font.bold).fontSize(size).fillColor(COLOR.ink);
    this.doc.text(zh, region.x, this.cursor, { width: region.width, continued: true, lineBreak: false });
    this.doc.font(this.font.regular).fillColor(COLOR.muted).text(`   ${en}`, { lineBreak: false });
    this.cursor += this.doc.currentLineHeight() + 3;
    this.rule(0.5, COLOR.rule, region);
    this.cursor += 7;
    return this;
  }

  paragraph(
    text: string,
    options: {
      region?: Region;
      size?: number;
      muted?: boolean;
      bold?: boolean;
      gap?: number;
      align?: 'left' | 'center' | 'right';
    } = {},
  ): this {
    this.text(text, {
      region: options.region,
      size: options.size ?? SIZE.body,
      color: options.muted ? COLOR.muted : COLOR.ink,
      font: options.bold ? this.font.bold : this.font.regular,
      align: options.align,
    });
    this.cursor += options.gap ?? 4;
    return this;
  }

  /** A numbered step or sub-section inside a section: bold Chinese, the English after it. */
  subheading(zh: string, en: string, region: Region = this.full): this {
    this.keep(50);
    this.doc
      .font(this.font.bold)
      .fontSize(SIZE.body + 0.5)
      .fillColor(COLOR.ink);
    this.doc.text(zh, region.x, this.cursor, { width: region.width, continued: true, lineBreak: false });
    this.doc.font(this.font.regular).fillColor(COLOR.muted).text(`   ${en}`, { lineBreak: false });
    this.cursor += this.doc.currentLineHeight() + 4;
    return this;
  }

  /** The same statement twice: Chinese first, the English under it, smaller and grey. */
  bilingual(zh: string, en: string, options: { region?: Region; gap?: number; bold?: boolean } = {}): this {
    this.keep(this.measure(zh, SIZE.body, options.region) + this.measure(en, SIZE.bodyEn, options.region));
    this.text(zh, {
      region: options.region,
      size: SIZE.body,
      font: options.bold ? this.font.bold : this.font.regular,
    });
    this.cursor += 1.5;
    this.text(en, { region: options.region, size: SIZE.bodyEn, color: COLOR.muted });
    this.cursor += options.gap ?? 7;
    return this;
  }

  /** A boxed warning with a red bar on its left: a bold lead line, then Chinese and English. */
  notice(lead: string, zh: string, en: string, region: Region = this.full): this {
    const pad = 9;
    const bar = 3;
    const inner: Region = { x: region.x + bar + pad, width: region.width - bar - 2 * pad };
    const height =
      pad +
      this.measure(lead, 10.5, inner, this.font.bold) +
      4 +
      this.measure(zh, SIZE.body, inner) +
      3 +
      this.measure(en, SIZE.bodyEn, inner) +
      pad;
    this.keep(height);
    const top = this.cursor;
    this.doc.save().rect(region.x, top, region.width, height).fill(COLOR.accentFill);
    this.doc.rect(region.x, top, bar, height).fill(COLOR.accent).restore();
    this.cursor = top + pad;
    this.text(lead, { region: inner, size: 10.5, font: this.font.bold, color: COLOR.accent });
    this.cursor += 4;
    this.text(zh, { region: inner, size: SIZE.body });
    this.cursor += 3;
    this.text(en, { region: inner, size: SIZE.bodyEn, color: COLOR.muted });
    this.cursor = top + height + 12;
    return this;
  }

  /** Label (Chinese over English) on the left, value on the right, hairlines between rows. */
  keyValueTable(rows: readonly KeyValueRow[], options: { region?: Region; labelWidth?: number } = {}): this {
    const region = options.region ?? this.full;
    const labelWidth = options.labelWidth ?? 150;
    const pad = 4;
    const label: Region = { x: region.x, width: labelWidth - 8 };
    const value: Region = { x: region.x + labelWidth, width: region.width - labelWidth };
    for (const row of rows) {
      const labelHeight =
        this.measure(row.label, SIZE.body, label) + 1 + this.measure(row.labelEn, SIZE.small, label);
      const valueHeight = this.measure(row.value, 10, value);
      const height = Math.max(labelHeight, valueHeight) + 2 * pad;
      this.keep(height);
      const top = this.cursor;
      this.cursor = top + pad;
      this.text(row.label, { region: label, size: SIZE.body });
      this.cursor += 1;
      this.text(row.labelEn, { region: label, size: SIZE.small, color: COLOR.muted });
      this.cursor = top + pad;
      this.text(row.value, { region: value, size: 10 });
      this.cursor = top + height;
      this.rule(0.5, COLOR.rule, region);
    }
    this.cursor += 10;
    return this;
  }

  /** A small grid table with a header row: for settings and facts a reader checks one by one. */
  table(
    header: readonly string[],
    rows: readonly (readonly string[])[],
    options: { region?: Region; widths?: readonly number[] } = {},
  ): this {
    const region = options.region ?? this.full;
    const shares = options.widths ?? header.map(() => 1);
    const total = shares.reduce((a, b) => a + b, 0);
    const widths = shares.map((s) => (s / total) * region.width);
    const pad = 4;
    const cells = (cols: readonly string[], bold: boolean) => {
      const height =
        Math.max(...cols.map((c, i) => this.measure(c, SIZE.bodyEn, { x: 0, width: widths[i] - 2 * pad }))) +
        2 * pad;
      this.keep(height);
      const top = this.cursor;
      if (bold) this.doc.save().rect(region.x, top, region.width, height).fill(COLOR.fill).restore();
      let x = region.x;
      cols.forEach((c, i) => {
        this.cursor = top + pad;
        this.text(c, {
          region: { x: x + pad, width: widths[i] - 2 * pad },
          size: SIZE.bodyEn,
          font: bold ? this.font.bold : this.font.regular,
        });
        x += widths[i];
      });
      this.cursor = top + height;
      this.rule(0.5, COLOR.rule, region);
    };
    this.rule(0.5, COLOR.rule, region);
    cells(header, true);
    for (const row of rows) cells(row, false);
    this.cursor += 10;
    return this;
  }

  /**
   * A code on a grey band (a command, a PRAGMA): the Noto font with a little letter spacing, which keeps
   * pdftotext reading it as one word.
   */
  code(text: string, options: { region?: Region; size?: number } = {}): this {
    const region = options.region ?? this.full;
    const size = options.size ?? 9;
    const pad = 6;
    const inner: Region = { x: region.x + pad + 2, width: region.width - 2 * pad - 2 };
    const height = this.measure(text, size, inner, this.font.regular, size * CODE_SPACING) + 2 * pad;
    this.keep(height);
    const top = this.cursor;
    this.doc.save().rect(region.x, top, region.width, height).fill(COLOR.fill).restore();
    this.cursor = top + pad;
    this.text(text, { region: inner, size, characterSpacing: size * CODE_SPACING });
    this.cursor = top + height + 6;
    return this;
  }

  /**
   * Groups of a code in a grid, large, each centred in its own column with its number under it, so a
   * reader can say "group 7" on the phone and type it back without losing the place.
   */
  codeGroups(
    groups: readonly string[],
    options: { region?: Region; perRow?: number; size?: number } = {},
  ): this {
    const region = options.region ?? this.full;
    const perRow = options.perRow ?? 5;
    const size = options.size ?? 18;
    const column = region.width / perRow;
    const rowHeight = size * 1.2 + 16;
    const rows = Math.ceil(groups.length / perRow);
    const pad = 8;
    this.keep(rows * rowHeight + 2 * pad);
    this.doc
      .save()
      .rect(region.x, this.cursor, region.width, rows * rowHeight + 2 * pad)
      .fill(COLOR.fill)
      .restore();
    this.cursor += pad + 2;
    const spacing = size * CODE_SPACING;
    groups.forEach((group, i) => {
      const x = region.x + (i % perRow) * column;
      const y = this.cursor + Math.floor(i / perRow) * rowHeight;
      this.doc.font(this.font.bold).fontSize(size).fillColor(COLOR.ink);
      const width = this.doc.widthOfString(group, { characterSpacing: spacing }) - spacing;
      this.doc.text(group, x + (column - width) / 2, y, { characterSpacing: spacing, lineBreak: false });
      this.doc.font(this.font.regular).fontSize(SIZE.small).fillColor(COLOR.faint);
      const label = String(i + 1);
      const labelWidth = this.doc.widthOfString(label);
      this.doc.text(label, x + (column - labelWidth) / 2, y + size * 1.22 + 2.5, { lineBreak: false });
    });
    this.cursor += rows * rowHeight + pad - 2;
    return this;
  }

  /** A QR code (PNG from `qrcode`, placed as an image). ASCII payloads only: readers mis-decode others. */
  async qrCode(payload: string, at: { x: number; y: number; size: number }): Promise<this> {
    if (!/^[\x20-\x7e]+$/.test(payload)) throw new RangeError('a QR payload must be printable ASCII');
    const png = await QRCode.toBuffer(payload, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 0,
      scale: 8,
    });
    this.doc.image(png, at.x, at.y, { width: at.size, height: at.size });
    return this;
  }

  /** A row of "label ________" fields for a signature and a date, written by hand on the paper. */
  signatureLine(fields: readonly SignatureField[], region: Region = this.full): this {
    const height = 28;
    this.keep(height);
    const total = fields.reduce((sum, f) => sum + (f.share ?? 1), 0);
    const top = this.cursor;
    const lineY = top + 22;
    let x = region.x;
    for (const field of fields) {
      const width = ((field.share ?? 1) / total) * region.width;
      this.doc.font(this.font.regular).fontSize(SIZE.body).fillColor(COLOR.ink);
      this.doc.text(field.label, x, lineY - 20, { lineBreak: false });
      const labelWidth = this.doc.widthOfString(field.label);
      this.doc.fontSize(SIZE.small).fillColor(COLOR.muted);
      this.doc.text(field.labelEn, x, lineY - 7.5, { lineBreak: false });
      const start = x + Math.max(labelWidth, this.doc.widthOfString(field.labelEn)) + 8;
      this.doc
        .save()
        .moveTo(start, lineY + 2)
        .lineTo(x + width - 18, lineY + 2)
        .lineWidth(0.6)
        .strokeColor(COLOR.ink)
        .stroke()
        .restore();
      x += width;
    }
    this.cursor = top + height + 4;
    return this;
  }

  /** A horizontal line across `region` at the cursor. */
  rule(width = 0.5, color = COLOR.rule, region: Region = this.full): this {
    this.doc
      .save()
      .moveTo(region.x, this.cursor)
      .lineTo(region.x + region.width, this.cursor)
      .lineWidth(width)
      .strokeColor(color)
      .stroke()
      .restore();
    return this;
  }

  /** Adds the running header and the page footers, ends the document and returns its bytes. */
  async finish(): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    const generated = `Closeout ${this.meta.appVersion} · 生成于 Generated ${formatDateTime(this.meta.createdAt)}`;
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      // Drawing inside the bottom margin would make pdfkit start a new page.
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.font(this.font.regular).fontSize(SIZE.small);
      if (this.meta.runningHeader) {
        const y = 34;
        const { left, right } = this.meta.runningHeader;
        this.doc.fillColor(COLOR.muted);
        const rightWidth = right ? this.doc.widthOfString(right) + 24 : 0;
        // One line, cut with an ellipsis: a long client name must not run into the right-hand mark.
        this.doc.text(left, MARGIN.left, y, {
          width: this.width - rightWidth,
          height: this.doc.currentLineHeight(),
          ellipsis: true,
        });
        if (right)
          this.doc.text(right, MARGIN.left, y, { width: this.width, align: 'right', lineBreak: false });
        this.hairline(y + 14);
      }
      const y = A4.height - 40;
      this.hairline(y - 6);
      this.doc.fillColor(COLOR.muted).text(generated, MARGIN.left, y, { lineBreak: false });
      this.doc.text(`第 ${i - start + 1} 页 / Page ${i - start + 1} of ${count}`, MARGIN.left, y, {
        width: this.width,
        align: 'right',
      });
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.done;
  }

  private hairline(y: number): void {
    this.doc
      .save()
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + this.width, y)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke()
      .restore();
  }

  private measure(
    text: string,
    size: number,
    region: Region = this.full,
    font: string = this.font.regular,
    characterSpacing = 0,
  ): number {
    this.doc.font(font).fontSize(size);
    return this.doc.heightOfString(text, { width: region.width, lineGap: lineGap(size), characterSpacing });
  }

  private text(
    text: string,
    options: {
      region?: Region;
      size: number;
      font?: string;
      color?: string;
      characterSpacing?: number;
      align?: 'left' | 'center' | 'right';
    },
  ): void {
    const region = options.region ?? this.full;
    this.doc
      .font(options.font ?? this.font.regular)
      .fontSize(options.size)
      .fillColor(options.color ?? COLOR.ink);
    this.doc.text(text, region.x, this.cursor, {
      width: region.width,
      lineGap: lineGap(options.size),
      characterSpacing: options.characterSpacing ?? 0,
      align: options.align ?? 'left',
    });
    this.cursor = this.doc.y;
  }
}
