// The windows this app created. IPC answers only their main frames; events go only to them.
import type { BrowserWindow, WebContents } from 'electron';

export class AppWindows {
  private readonly windows = new Set<BrowserWindow>();

  add(win: BrowserWindow): void {
    this.windows.add(win);
    win.once('closed', () => this.windows.delete(win));
  }

  /** Live windows only: a destroyed window's webContents must not be touched. */
  list(): BrowserWindow[] {
    return [...this.windows].filter((win) => !win.isDestroyed());
  }

  /** Compared by id: ids are unique for the life of the process and never reused. */
  owns(contents: WebContents | null | undefined): boolean {
    if (!contents || contents.isDestroyed()) return false;
    return this.list().some((win) => win.webContents.id === contents.id);
  }
}
