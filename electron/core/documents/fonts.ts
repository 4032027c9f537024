// Finds the Noto Sans SC TrueType files every Closeout PDF embeds: from node_modules in development and
// the CLI, from a folder the packaged app names (resources/fonts). TTF only: pdfkit draws WOFF2 text
// invisibly and takes tens of seconds over WOFF (see docs/FORMATS.md and the PDF probe).
import { closeSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EngineError } from '../kernel/engine-error';

export interface FontFiles {
  regular: string;
  bold: string;
}

/** The file names, the same in node_modules and in the packaged app's font folder. */
const FONT_FILE_NAMES: Readonly<FontFiles> = {
  regular: 'NotoSansSC_400Regular.ttf',
  bold: 'NotoSansSC_700Bold.ttf',
};

const PACKAGE = '@expo-google-fonts/noto-sans-sc';
const PACKAGE_FOLDERS: Readonly<FontFiles> = { regular: '400Regular', bold: '700Bold' };

let fontDirectory: string | null = null;
let located: FontFiles | null = null;

/**
 * Makes every later document take its fonts from `dir` (flat: both FONT_FILE_NAMES in it) instead of
 * node_modules; the packaged app calls this with its resources/fonts folder. null goes back to node_modules.
 */
export function setFontDirectory(dir: string | null): void {
  fontDirectory = dir;
  located = null;
}

/** The regular and bold TTF paths, or EngineError INTERNAL ('fonts missing') naming what was tried. */
export function locateFonts(): FontFiles {
  if (located) return located;
  const candidates = fontDirectory ? fromDirectory(fontDirectory) : fromPackage();
  const problems = (['regular', 'bold'] as const)
    .map((weight) => ({ file: candidates[weight], problem: ttfProblem(candidates[weight]) }))
    .filter((c) => c.problem !== null);
  if (problems.length > 0)
    throw new EngineError('INTERNAL', {
      ref: 'fonts missing',
      files: problems.map((p) => `${p.file}: ${p.problem}`),
    });
  located = candidates;
  return located;
}

function fromDirectory(dir: string): FontFiles {
  return { regular: join(dir, FONT_FILE_NAMES.regular), bold: join(dir, FONT_FILE_NAMES.bold) };
}

function fromPackage(): FontFiles {
  let root: string;
  try {
    root = dirname(require.resolve(`${PACKAGE}/package.json`));
  } catch {
    throw new EngineError('INTERNAL', { ref: 'fonts missing', files: [`${PACKAGE} is not installed`] });
  }
  return {
    regular: join(root, PACKAGE_FOLDERS.regular, FONT_FILE_NAMES.regular),
    bold: join(root, PACKAGE_FOLDERS.bold, FONT_FILE_NAMES.bold),
  };
}

/** null when `file` starts like a TrueType font; a WOFF/WOFF2 renamed to .ttf must not slip through. */
function ttfProblem(file: string): string | null {
  const head = Buffer.alloc(4);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'unreadable';
  }
  try {
    if (readSync(fd, head, 0, 4, 0) < 4) return 'too short';
  } finally {
    closeSync(fd);
  }
  const tag = head.readUInt32BE(0);
  return tag === 0x00010000 || head.toString('latin1') === 'true' ? null : 'not a TrueType font';
}
