// Entry of the engine worker thread: one Engine, driven by messages from main.
import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from './engine';
import { product } from './router';
import type { FromWorker, ToWorker, WorkerData } from './protocol';

if (!parentPort) throw new Error('closeout engine worker must run in a worker thread');
const port = parentPort;
const data = workerData as WorkerData;
const engine = new Engine({ ...data, mode: 'worker' }, product);
const send = (message: FromWorker) => port.postMessage(message);

engine.on((event, payload) => send({ kind: 'event', event, payload }));

port.on('message', (message: ToWorker) => {
  if (message.kind === 'close') {
    void engine.close().then(() => {
      send({ kind: 'closed' });
      port.close();
    });
    return;
  }
  void engine
    .call(message.op, message.input, message.options)
    .then((result) => send({ kind: 'result', seq: message.seq, result }));
});
