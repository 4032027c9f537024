// Chinese (the default language) UI text. en.ts must have exactly the same keys; error messages live in
// shared/errors.ts, not here.
export const zhCN = {
  app: {
    name: '客户信息善后',
    latinName: 'Closeout',
    tagline: '企业注销后的客户信息处置',
  },
  nav: {
    label: '主导航',
    dashboard: '总览',
    records: '客户记录',
    intake: '导入与分类',
    backup: '备份',
    handover: '移交',
    wipe: '销毁',
    compliance: '合规',
    audit: '审计',
    settings: '设置',
  },
  header: {
    language: '界面语言',
    theme: '深色模式',
  },
  placeholder: {
    title: '将在后续版本中提供',
    records: '在已打开的保险库中搜索、查看和更正每一条客户记录，并显示其来源与处置方式。',
    intake: '导入 CSV、Excel、vCard 和 JSON 文件，清洗并分类客户记录，查找重复项并为每条记录确定处置方式。',
    backup: '将保险库备份到磁盘，校验备份副本，演练恢复，并打印恢复单。',
    handover: '审核接收方、登记移交协议、通知客户并尊重其异议，然后生成经签名和加密的移交包。',
    wipe: '安全擦除记录、文件和备份，登记纸质与云端数据的销毁，并出具销毁证明。',
    compliance: '依据证据逐项评估合规检查清单，编制个人信息保护影响评估和处理活动记录，并生成合规报告。',
    audit: '浏览并校验保险库中每一项操作留下的防篡改审计链。',
  },
  dashboard: {
    title: '总览',
    subtitle: '每家委托企业一个加密保险库，这里列出所有善后进度。',
    empty: '还没有任何企业保险库',
    emptyHint: '创建保险库的功能将在后续版本中提供。',
    refresh: '刷新',
    columns: {
      client: '企业名称',
      creditCode: '统一社会信用代码',
      stage: '阶段',
      lastOpenedAt: '最近打开',
      lastBackupAt: '最近备份',
      file: '文件',
    },
    never: '从未',
    present: '正常',
    missing: '文件缺失',
    stages: {
      setup: '准备',
      intake: '导入',
      review: '审核',
      backup: '备份',
      handover: '移交',
      destruction: '销毁',
      certified: '已出具证明',
    },
  },
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
    jobCheck: {
      title: '检查任务执行器',
      description: '运行一个无害的计数任务，确认进度显示、取消和结果报告都正常工作。',
      run: '开始检查',
    },
  },
  job: {
    phases: {
      start: '准备中',
      counting: '计数中',
    },
    count: '{{done}} / {{total}}',
    countUnknown: '已处理 {{done}}',
    rate: '{{rate}} 项/秒',
    eta: '预计剩余 {{eta}}',
    etaUnknown: '预计剩余时间未知',
    seconds: '{{s}} 秒',
    minutes: '{{m}} 分 {{s}} 秒',
    hours: '{{h}} 小时 {{m}} 分',
    cancel: '取消',
    cancelling: '正在取消…',
    outcome: {
      succeeded: '已完成',
      cancelled: '已取消',
      failed: '失败',
    },
  },
  error: {
    code: '错误代码',
  },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** The shape every language must fill: the same keys as Chinese, any strings. */
export type UiMessages = Messages<typeof zhCN>;
