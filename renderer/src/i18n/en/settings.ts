// English text of Settings: the same keys as zh-CN/settings.ts (the type checks it).
import type { Messages } from '../messages';
import type { settings as zh } from '../zh-CN/settings';

export const settings: Messages<typeof zh> = {
  settings: {
    title: 'Settings',
    about: 'About this installation',
    version: 'Version',
    dataDir: 'Data folder',
    runtime: 'Runtime',
    engineMode: 'Engine mode',
    engineModes: {
      worker: 'Worker thread',
      'in-process': 'In process',
    },
    electron: 'Electron',
    noElectron: 'Not running in Electron',
    vault: {
      title: 'Open vault',
      idleTimeout: 'Locks itself',
      users: 'Users & roles',
      manageUsers: 'Manage users & roles',
      editInOverview: 'Change it in the vault overview',
    },
  },
};
