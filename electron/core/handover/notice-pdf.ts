// Customer notice letters as PDF, one letter per page (A4, the Noto Sans SC font embedded, so pdftotext
// gives back the Chinese): several letters to one file, or one file per customer.
import pkg from '../../../package.json';
import { DocumentBuilder } from '../documents/pdf';
import type { Letter } from './notice-text';

export class LetterFile {
  private readonly pdf: DocumentBuilder;
  private count = 0;

  constructor(client: string, at: Date) {
    this.pdf = new DocumentBuilder({
      title: `客户告知函 Customer notices — ${client}`,
      subject: 'Closeout handover notices',
      keywords: 'Closeout, handover, notice, PIPL Art. 22',
      createdAt: at,
      appVersion: pkg.version,
      runningHeader: { left: `客户告知函 Customer notice  ·  ${client}` },
    });
  }

  get letters(): number {
    return this.count;
  }

  add(letter: Letter, date: string, recordId: number): this {
    if (this.count > 0) this.pdf.newPage();
    this.count++;
    this.pdf.paragraph(`${date}    No. ${recordId}`, { muted: true, align: 'right', gap: 10 });
    this.pdf.paragraph(letter.subject, { bold: true, size: 13, gap: 12 });
    this.pdf.paragraph(letter.greeting, { gap: 8 });
    for (const p of letter.paragraphs) this.pdf.paragraph(p, { gap: 8 });
    this.pdf.space(12);
    this.pdf.paragraph(letter.closing, { align: 'right', gap: 4 });
    this.pdf.paragraph(date, { align: 'right' });
    return this;
  }

  finish(): Promise<Buffer> {
    return this.pdf.finish();
  }
}
