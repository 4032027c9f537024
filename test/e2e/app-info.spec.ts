// Settings shows this installation's facts as the engine reports them through app.info.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './harness/paths';
import { SettingsPage } from './pages/settings-page';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

test('Settings shows the version from package.json and the data folder in use', async ({
  shell,
  page,
  dataDir,
}) => {
  await shell.open('settings');
  const settings = new SettingsPage(page);
  await expect(settings.version).toHaveText(pkg.version);
  await expect(settings.dataDir).toHaveText(dataDir);
  await expect(settings.engineMode).toHaveAttribute('data-mode', 'in-process');
  await expect(settings.electron).toHaveText('未在 Electron 中运行');

  await shell.switchLanguage('en');
  await expect(settings.electron).toHaveText('Not running in Electron');
  await expect(settings.engineMode).toHaveText('In process');
});
