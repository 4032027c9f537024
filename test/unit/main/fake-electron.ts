// A stand-in for the `electron` module in unit tests: records what the shell registers (handlers,
// listeners, windows) so tests can drive them. There is no Electron binary in unit tests, and requiring
// the real package would try to download one, so every test of electron/main mocks it with this.
import { EventEmitter } from 'node:events';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
  detached: boolean;
}

let nextId = 1;

export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  const id = nextId++;
  return { url, parent, processId: 100 + id, routingId: id, detached: false };
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  destroyed = false;
  mainFrame: FakeFrame;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  constructor(url = 'app://closeout/index.html') {
    super();
    this.mainFrame = fakeFrame(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  readonly loaded: string[] = [];
  readonly calls: string[] = [];

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  /** What Electron does when a window closes: destroyed, then `closed`. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.created.filter((win) => !win.destroyed);
  }
}

type Listener = (...args: unknown[]) => unknown;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  displayMediaRequestHandler: Listener | null = null;
  spellCheckerEnabled = true;
  beforeRequest: Listener | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: Listener) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: Listener): void {
    this.displayMediaRequestHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  ready = false;
  singleInstance = true;
  readonly paths = new Map<string, string>([['userData', '/home/user/.config/Closeout']]);
  readonly calls: string[] = [];
  private readyResolve: (() => void) | null = null;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`fake app: no path ${name}`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.calls.push(`setPath:${name}`);
    this.paths.set(name, path);
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.singleInstance;
  }
  quit(): void {
    this.calls.push('quit');
  }
  exit(code: number): void {
    this.calls.push(`exit:${code}`);
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  getLocale(): string {
    return 'zh-CN';
  }
  /** Test hook: what Electron does once Chromium is up. */
  becomeReady(): void {
    this.ready = true;
    this.readyResolve?.();
    this.emit('ready');
  }
}

export function createFakeElectron() {
  const app = new FakeApp();
  const defaultSession = new FakeSession();
  const handlers = new Map<string, Listener>();
  const privileged: unknown[] = [];
  const protocolHandlers = new Map<string, Listener>();
  const menus: unknown[] = [];
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession },
    ipcMain: {
      handlers,
      handle(channel: string, handler: Listener) {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      },
    },
    protocol: {
      privileged,
      handlers: protocolHandlers,
      registerSchemesAsPrivileged(schemes: unknown[]) {
        if (app.ready) throw new Error('schemes must be registered before ready');
        privileged.push(...schemes);
      },
      handle(scheme: string, handler: Listener) {
        protocolHandlers.set(scheme, handler);
      },
    },
    powerMonitor: new EventEmitter(),
    Menu: {
      applied: menus,
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => menus.push(menu),
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** A navigation-style event as Electron passes it: the details object doubles as the event. */
export function navigationEvent(url: string, isMainFrame = true) {
  return {
    url,
    isMainFrame,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}
