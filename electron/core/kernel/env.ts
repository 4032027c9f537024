// Where and how the engine runs, as its composition root (the worker, the CLI, a test) describes it.
export interface EngineEnv {
  dataDir: string;
  mode: 'worker' | 'in-process';
  /** Electron's version when hosted by the desktop app, otherwise null. */
  electronVersion: string | null;
  /** Where the PDF fonts are when packaged (resources/fonts); null: from node_modules. */
  fontsDir?: string | null;
}
