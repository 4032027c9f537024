// The import's per-row work in JavaScript (normalise, search document, classification) gives exactly
// what it gave before it was made faster: a digest over the generator's and the messy files' rows,
// pinned with the value the code before (main at 4874a60) computed over the same files.
import { normaliseDigest, digestFiles } from './support/normalise-digest';
import { tempDir } from '../../helpers';

jest.setTimeout(120_000);

const BEFORE = '29b1a034c7ba5e16db4f5b638cafb269cf11f8d2aa625581cc35efa1fa75cda1';

it('normalised records, search documents and classifications are those of the code before', async () => {
  const dir = tempDir('closeout-normalise-digest-');
  try {
    const { rows, digest } = await normaliseDigest(digestFiles(dir.path));
    expect(rows).toBe(7204);
    expect(digest).toBe(BEFORE);
  } finally {
    dir.remove();
  }
});
