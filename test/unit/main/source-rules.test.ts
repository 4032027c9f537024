// Rules read from the shell's sources: what must never appear in electron/main, and its place in the
// layering (from electron/core it may import only the host entry and its message types).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const repo = join(__dirname, '..', '..', '..');
const mainDir = join(repo, 'electron', 'main');
const sources = readdirSync(mainDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(mainDir, name), 'utf8') }));

const importsOf = (text: string) => [...text.matchAll(/from\s+'([^']+)'/g)].map((match) => match[1]);

it('finds the shell’s modules', () => {
  expect(sources.map((source) => source.name)).toEqual(
    expect.arrayContaining(['index.ts', 'window.ts', 'protocol.ts', 'hardening.ts', 'ipc.ts']),
  );
});

describe.each(sources)('electron/main/$name', ({ name, text }) => {
  it.each(['openExternal', 'autoUpdater', 'crashReporter', 'setSpellCheckerDictionaryDownloadURL'])(
    'never mentions %s',
    (word) => {
      expect(text).not.toContain(word);
    },
  );

  it('never turns a protection off', () => {
    expect(text).not.toMatch(/nodeIntegration\w*:\s*true/);
    expect(text).not.toMatch(/(sandbox|contextIsolation|webSecurity):\s*false/);
    expect(text).not.toMatch(/allowRunningInsecureContent:\s*true/);
    expect(text).not.toMatch(/bypassCSP:\s*true/);
  });

  it('imports from electron/core only the host entry and its message types', () => {
    const fromCore = importsOf(text).filter((spec) => spec.includes('/core/'));
    for (const spec of fromCore) expect(['../core/host/index', '../core/host/protocol']).toContain(spec);
  });

  it('imports no renderer, preload or CLI code', () => {
    for (const spec of importsOf(text)) expect(spec).not.toMatch(/renderer|preload|\/cli\//);
  });

  it('opens with a one-line comment saying what it is for', () => {
    expect(text.split('\n')[0]).toMatch(/^\/\/ \S/);
  });

  it(`is small (${relative(repo, join(mainDir, name))})`, () => {
    expect(text.split('\n').length).toBeLessThan(150);
  });
});
