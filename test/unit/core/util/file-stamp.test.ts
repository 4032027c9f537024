// The one file-name time stamp: UTC to the second, no characters a file system refuses, and the backup
// names, signed documents and evidence packs all carry it.
import { backupFileName } from '../../../../electron/core/backup/manifest';
import { stampedName } from '../../../../electron/core/evidence-pack/signed-files';
import { fileStamp } from '../../../../electron/core/util/file-stamp';

const AT = new Date('2026-03-14T18:05:09.123Z');

describe('fileStamp', () => {
  test('is the UTC time to the second, file-name safe', () => {
    expect(fileStamp(AT)).toBe('20260314T180509Z');
    expect(fileStamp(AT)).not.toMatch(/[:\\/ ]/);
  });

  test('sorts in time order', () => {
    const later = new Date('2026-03-14T18:05:10.000Z');
    expect(fileStamp(AT) < fileStamp(later)).toBe(true);
  });

  test('is what backups and evidence packs name their files with', () => {
    expect(backupFileName('杭州示例', AT, () => false)).toBe('杭州示例-20260314T180509Z.cobackup');
    expect(stampedName('compliance', '1a2b3c4d-0000', AT)).toBe(
      'closeout-compliance-1a2b3c4d-20260314T180509Z',
    );
  });
});
