// app.info: what a user or support needs to know about this installation (no secrets).
import type { AppInfo } from '../../../shared/contract';
import pkg from '../../../package.json';
import type { EngineEnv } from '../kernel/env';

export function appInfo(env: EngineEnv): AppInfo {
  return {
    name: pkg.productName,
    version: pkg.version,
    dataDir: env.dataDir,
    runtime: {
      node: process.versions.node,
      platform: process.platform,
      arch: process.arch,
      electron: env.electronVersion,
    },
    engineMode: env.mode,
  };
}
