// The page Closeout's PDFs are drawn on: A4 geometry, margins, palette and type sizes, and the shapes of
// what the DocumentBuilder (pdf.ts) draws.
export interface DocumentMeta {
  /** /Title; shown by readers in the title bar. */
  title: string;
  subject?: string;
  keywords?: string;
  /** /CreationDate, /ModDate and the footer's generated-at line. */
  createdAt: Date;
  /** Goes into /Creator and the footer. */
  appVersion: string;
  /** A small line at the top of every page, e.g. the product and a confidentiality mark. */
  runningHeader?: { left: string; right?: string };
}

/** A horizontal band of the page: helpers draw into it (default: the full text width). */
export interface Region {
  x: number;
  width: number;
}

export interface KeyValueRow {
  label: string;
  labelEn: string;
  value: string;
}

export interface SignatureField {
  label: string;
  labelEn: string;
  /** Share of the row, 1 when alone; the shares of one row are normalised. */
  share?: number;
}

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 62, bottom: 56, left: 56, right: 56 };

export const COLOR = {
  ink: '#1b1b1b',
  muted: '#5c5c5c',
  faint: '#8a8a8a',
  rule: '#c4c4c4',
  fill: '#f3f3f1',
  accent: '#9a1b1b',
  accentFill: '#fbf1f0',
};
export const SIZE = { body: 9.5, bodyEn: 8.5, small: 7.5 };
/** Letter spacing for codes, as a share of the font size: under pdftotext's 0.1 em word break. */
export const CODE_SPACING = 0.06;

/** The gap below a line of text of this size. */
export function lineGap(size: number): number {
  return size * 0.2;
}
