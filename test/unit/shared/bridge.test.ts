import { buildBridge } from '../../../shared/bridge';
import { OP_NAMES, type EventName } from '../../../shared/contract';

describe('buildBridge', () => {
  const makeBridge = () => {
    const calls: unknown[][] = [];
    const listeners = new Set<(event: EventName, payload: unknown) => void>();
    const dropped: unknown[] = [];
    const bridge = buildBridge(
      OP_NAMES,
      async (...args) => {
        calls.push(args);
        return { ok: true, value: null };
      },
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      async (file) => {
        dropped.push(file);
        return { ok: true, value: { handle: 'h-dropped', name: 'a.csv' } };
      },
    );
    const emit = (event: EventName, payload: unknown) => listeners.forEach((l) => l(event, payload));
    return { bridge, calls, listeners, emit, dropped };
  };

  it('has one function per operation plus on and fileFromDrop, and nothing else', () => {
    const { bridge } = makeBridge();
    expect(Object.keys(bridge).sort()).toEqual([...OP_NAMES, 'on', 'fileFromDrop'].sort());
    for (const key of Object.keys(bridge))
      expect(typeof (bridge as Record<string, unknown>)[key]).toBe('function');
  });

  it('is frozen', () => {
    const { bridge } = makeBridge();
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(() => {
      (bridge as unknown as Record<string, unknown>)['app.info'] = () => 'hijacked';
    }).toThrow();
  });

  it('hands a dropped file to the drop channel and nothing to the operations', async () => {
    const { bridge, calls, dropped } = makeBridge();
    const file = { name: 'a.csv' };
    expect(await bridge.fileFromDrop(file)).toEqual({
      ok: true,
      value: { handle: 'h-dropped', name: 'a.csv' },
    });
    expect(dropped).toEqual([file]);
    expect(calls).toEqual([]);
  });

  it('forwards operation name, input and options', async () => {
    const { bridge, calls } = makeBridge();
    await bridge['backup.prune']({ keepLast: 3 }, { jobId: 'abcdefgh' });
    expect(calls).toEqual([['backup.prune', { keepLast: 3 }, { jobId: 'abcdefgh' }]]);
  });

  it('delivers only the subscribed event, and unsubscribes for real', () => {
    const { bridge, emit, listeners } = makeBridge();
    const seen: unknown[] = [];
    const off = bridge.on('job.finished', (p) => seen.push(p));
    emit('job.progress', 1);
    emit('job.finished', 2);
    off();
    emit('job.finished', 3);
    expect(seen).toEqual([2]);
    expect(listeners.size).toBe(0);
  });

  it('refuses unknown events', () => {
    const { bridge } = makeBridge();
    expect(() => bridge.on('nope' as EventName, () => undefined)).toThrow(/unknown event/);
  });
});
