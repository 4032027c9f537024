// Chinese text of the frame around every page: the app's name, the sidebar, the header, the open session.
export const shell = {
  app: {
    name: '客户信息善后',
    latinName: 'Closeout',
    tagline: '企业注销后的客户信息处置',
  },
  nav: {
    label: '主导航',
    dashboard: '总览',
    records: '客户记录',
    duplicates: '重复客户',
    import: '导入',
    classification: '分类',
    dispositions: '处置',
    backup: '备份',
    handover: '移交',
    wipe: '销毁',
    compliance: '合规',
    requests: '客户请求',
    incidents: '安全事件',
    analytics: '匿名统计',
    audit: '审计',
    settings: '设置',
  },
  header: {
    language: '界面语言',
    theme: '深色模式',
  },
  common: {
    cancel: '取消',
    close: '关闭',
    save: '保存',
    back: '上一步',
    next: '下一步',
    notSet: '未填写',
    optional: '选填',
  },
  session: {
    label: '已打开的保险库',
    lock: '锁定',
    lockHint: '锁定保险库，并清除界面上的保险库数据',
    lockFailed: '未能锁定保险库',
    viaRecoveryKey: '恢复密钥',
    recoveryBanner: {
      title: '此保险库是用恢复密钥打开的',
      body: '请立即在“用户与角色”中为所有者设置新口令，以后用口令解锁；恢复密钥放回安全的地方。',
      action: '前往用户与角色',
    },
    lockNotice: {
      idle: '保险库在 {{minutes}} 分钟无操作后已自动锁定，界面上的保险库数据已清除。',
      system: '电脑进入睡眠或屏幕已锁定，保险库随之锁定，界面上的保险库数据已清除。',
      user: '保险库已锁定，界面上的保险库数据已清除。',
    },
    none: {
      title: '没有打开的保险库',
      hint: '此页面显示保险库内的数据，请先在总览中打开一个保险库。',
      action: '前往总览',
    },
  },
  error: {
    code: '错误代码',
  },
};
