// Chinese text of the Analytics page (anonymised counts and the de-identified extract).
export const analytics = {
  analytics: {
    title: '匿名统计',
    subtitle:
      '按客户类型、地区、类别、期间、消费区间与处置统计人数；小于 k 的计数及可推算出它们的计数一律抑制',
    by: '统计维度（最多 3 个）',
    k: '最小计数 k',
    period: '期间粒度',
    periods: { month: '月', quarter: '季度', year: '年' },
    excludeObjected: '排除提出反对的客户',
    dimensions: {
      type: '客户类型',
      province: '省份或国家/地区',
      category: '类别',
      period: '最后下单期间',
      spend: '消费区间',
      disposition: '处置',
      age: '年龄段',
    },
    count: '人数',
    chartMark: '图中 × 表示该单元格已抑制',
    suppressed: '已抑制',
    summary: '共 {{cells}} 个单元格，{{suppressed}} 个已抑制；总人数 {{total}}',
    totalHidden: '少于 k',
    empty: '保险库中还没有客户',
    export: '导出 {{format}}',
    exported: '已写入 {{path}}（{{cells}} 个单元格，{{suppressed}} 个已抑制）',
    extract: {
      title: '去标识化摘录',
      warning:
        '摘录删除姓名、联系方式、证件号码与地址，并将所选字段泛化到每种组合至少 k 条记录。它仍属个人信息（《个人信息保护法》、GDPR）：须按个人信息保护，用毕销毁；销毁保险库时一并销毁。',
      fields: '摘录字段',
      run: '制作摘录',
      done: '已写入 {{path}}：{{records}} 条记录，{{classes}} 个组合，最小组合 {{smallest}} 条；说明见 {{readme}}',
    },
  },
};
