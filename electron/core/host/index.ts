// The engine's entry for the desktop shell: main starts the engine in a worker thread and talks to it
// through this module only (it loads none of the engine itself).
export { startEngineWorker } from './worker-client';
export type { EngineClient, EngineListener } from './types';
