// Chinese text of Settings.
export const settings = {
  settings: {
    title: '设置',
    about: '关于本机安装',
    version: '版本',
    dataDir: '数据文件夹',
    runtime: '运行环境',
    engineMode: '引擎运行方式',
    engineModes: {
      worker: '独立工作线程',
      'in-process': '同进程',
    },
    electron: 'Electron',
    noElectron: '未在 Electron 中运行',
    vault: {
      title: '当前保险库',
      idleTimeout: '自动锁定',
      users: '用户与角色',
      manageUsers: '管理用户与角色',
      editInOverview: '在保险库概览中修改',
    },
  },
};
