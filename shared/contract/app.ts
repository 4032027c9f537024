// app.*: this installation.
import { none, op, type OpSpec } from './op';

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  runtime: { node: string; platform: string; arch: string; electron: string | null };
  engineMode: 'worker' | 'in-process';
}

export const appOps = {
  'app.info': op<AppInfo>()({
    input: none,
    access: 'public',
    job: false,
    writes: false,
    summary: 'Version, runtime and data folder of this installation',
  }),
} as const satisfies Record<string, OpSpec>;
