// Quitting waits for the engine to stop, once, and never longer than the grace period.
import { EventEmitter } from 'node:events';
import type { EngineClient } from '../../../electron/core/host/index';
import { closeEngineOnQuit } from '../../../electron/main/quit';

class QuitApp extends EventEmitter {
  quits = 0;
  quit() {
    this.quits += 1;
  }
}

function quitEvent() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function engineClosing(close: () => Promise<void>): EngineClient {
  return { call: jest.fn(), on: jest.fn(), close: jest.fn(close) } as unknown as EngineClient;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

it('holds the quit until the engine has closed, then quits once', async () => {
  const app = new QuitApp();
  let finish!: () => void;
  const engine = engineClosing(() => new Promise<void>((resolve) => (finish = resolve)));
  closeEngineOnQuit(app as never, () => engine);

  const first = quitEvent();
  app.emit('before-quit', first);
  const second = quitEvent();
  app.emit('before-quit', second);
  expect(first.prevented && second.prevented).toBe(true);
  expect(engine.close).toHaveBeenCalledTimes(1);
  expect(app.quits).toBe(0);

  finish();
  await flush();
  expect(app.quits).toBe(1);
  const after = quitEvent();
  app.emit('before-quit', after);
  expect(after.prevented).toBe(false);
});

it('quits anyway when the engine does not stop within the grace period', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const app = new QuitApp();
  closeEngineOnQuit(app as never, () => engineClosing(() => new Promise<void>(() => undefined)), 10);
  app.emit('before-quit', quitEvent());
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(app.quits).toBe(1);
  jest.restoreAllMocks();
});

it('does not hold a quit when no engine was started', () => {
  const app = new QuitApp();
  closeEngineOnQuit(app as never, () => null);
  const event = quitEvent();
  app.emit('before-quit', event);
  expect(event.prevented).toBe(false);
});
