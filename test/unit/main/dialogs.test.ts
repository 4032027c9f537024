// dialog.choose: the person picks in a native dialog; the window gets a handle and a name, no path.
jest.mock('electron', () => require('./fake-electron').createFakeElectron());

import type { Dialog } from 'electron';
import { chooseFile } from '../../../electron/main/dialogs';
import { FileHandles } from '../../../electron/main/file-handles';

function fakeDialog(answer: { canceled: boolean; filePath?: string; filePaths?: string[] }) {
  const calls: unknown[] = [];
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => (calls.push(['save', ...args]), answer),
    showOpenDialog: async (...args: unknown[]) => (calls.push(['open', ...args]), answer),
  } as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  return { dialog, calls };
}

describe('chooseFile', () => {
  it('answers a handle and the file name; the handle resolves to the path in main only', async () => {
    const handles = new FileHandles();
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/home/张/客户甲.cvault' });
    const chosen = await chooseFile(
      dialog,
      null,
      { kind: 'save', purpose: 'vault', suggestedName: '客户甲' },
      handles,
      true,
    );
    expect(chosen).toEqual({
      handle: expect.stringMatching(/^h\.vault\.save\.[A-Za-z0-9_-]{24}$/),
      name: '客户甲.cvault',
    });
    expect(JSON.stringify(chosen)).not.toContain('/home');
    expect(handles.peek(chosen!.handle)).toBe('/home/张/客户甲.cvault');
    expect(calls[0]).toEqual([
      'save',
      expect.objectContaining({ filters: [{ name: 'Closeout 保险库', extensions: ['cvault'] }] }),
    ]);
  });

  it('answers null when the person cancels', async () => {
    const { dialog } = fakeDialog({ canceled: true, filePaths: [] });
    expect(
      await chooseFile(dialog, null, { kind: 'open', purpose: 'vault' }, new FileHandles(), false),
    ).toBeNull();
  });

  it('opens folders for folder purposes', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/media/usb'] });
    await chooseFile(dialog, null, { kind: 'folder', purpose: 'audit-export' }, new FileHandles(), false);
    expect(calls[0]).toEqual([
      'open',
      expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }),
    ]);
  });

  it('issues unguessable handles that say what they were chosen for', async () => {
    const handles = new FileHandles();
    const a = handles.issue('/a', 'import', 'open');
    const b = handles.issue('/a', 'import', 'open');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^h\.import\.open\./);
    expect(handles.peek('h.import.open.guessguessguessguessgues')).toBeNull();
    const { dialog } = fakeDialog({ canceled: false, filePaths: ['/media/usb'] });
    const folder = await chooseFile(
      dialog,
      null,
      { kind: 'folder', purpose: 'backup-destination' },
      handles,
      false,
    );
    expect(folder?.handle).toMatch(/^h\.backup-destination\.folder\.[A-Za-z0-9_-]{24}$/);
  });
});
