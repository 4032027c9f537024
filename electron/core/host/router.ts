// Register each operation's use case here; the Handlers type makes a missing one a compile error.
import { appInfo } from '../app/app-info';
import { demoCount } from '../demo/count';
import { listVaults } from '../vault/registry';
import { EngineError } from './engine-error';
import type { Handlers } from './types';

export const handlers: Handlers = {
  'app.info': (_input, ctx) => appInfo(ctx.env),
  'vault.list': (_input, ctx) => listVaults(ctx.env.dataDir),
  'job.cancel': (input, ctx) => ({ cancelled: ctx.jobs.cancel(input.job) }),
  'demo.count': (input, ctx) => {
    if (!ctx.job) throw new EngineError('INTERNAL', { ref: 'demo.count without job' });
    return demoCount(input, ctx.job);
  },
};
