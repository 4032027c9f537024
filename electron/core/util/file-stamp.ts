// The one time stamp in the names of the files Closeout writes (backups, certificates, packages, PDFs):
// UTC to the second, without characters a file system refuses, sorting in time order.

/** 20250314T100500Z: a file-name-safe UTC time. */
export const fileStamp = (at: Date): string =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
