// Chinese text of the Classification page.
export const classification = {
  classification: {
    title: '分类',
    subtitle:
      '按客户类型、地区、产品或服务类别统计，并标出敏感、未成年、不活跃、不完整等记录；点击数字查看对应记录。',
    refresh: '刷新',
    reclassify: '全部重新分类',
    total: '共 {{n}} 条客户记录（规则版本 {{version}}）',
    unclassified: '{{n}} 条尚未按当前规则分类',
    duplicates: '重复记录',
    type: { title: '客户类型', individual: '个人', business: '企业/组织', unknown: '无法判断' },
    region: { title: '地区', mainland: '中国大陆', hk_mo_tw: '港澳台', overseas: '境外', unknown: '未知' },
    category: { title: '产品/服务类别', unmatched: '未匹配' },
    flags: {
      title: '标记',
      sensitive: '敏感个人信息',
      minor: '未满十四周岁',
      stale: '长期不活跃',
      invalid_id_number: '身份证号无效',
      invalid_credit_code: '信用代码无效',
      invalid_phone: '电话无效',
      invalid_email: '邮箱无效',
      formula_like: '类似公式的单元格',
      incomplete: '信息不完整',
      type_doubtful: '类型存疑',
      region_conflict: '地区矛盾',
      no_activity_date: '无交易日期',
    },
    rules: {
      title: '分类规则（版本 {{version}}）',
      save: '保存为新版本',
      ownerOnly: '只有所有者可以修改规则',
      saved: '已保存为规则版本 {{version}}。要按新规则重新分类全部记录吗？',
      reclassifyNow: '立即重新分类',
      invalid: '规则有误（{{where}}）：{{message}}',
      staleYears: '超过多少年无交易视为不活跃',
      staleFrom: {
        decision:
          '不活跃：{{before}} 之后没有交易——即 {{date}}（结业决议日期，案卷详情中的关键日期）之前 {{years}} 年内无交易。',
        today:
          '不活跃：{{before}} 之后没有交易——即今天（{{date}}）之前 {{years}} 年内无交易：案卷详情中尚未填写结业决议日期；填写后即从该日期起算。',
        reason:
          '理由：结业后，这段时间内没有交易的客户已无需继续服务，而个人信息的保存期限应为实现处理目的所必要的最短时间（《个人信息保护法》第十九条），因此这些记录应最先删除。默认 3 年；如合同、保修或税务记录需要更长时间保留客户，可选更长年限。',
      },
      threshold: '完整度低于（0–100）视为不完整',
      minorAge: '未成年：不满 {{age}} 周岁（依据身份证出生日期）',
      markers: '组织名称标志词（名称中含有即视为企业/组织）',
      categories: '产品/服务类别（按顺序，先匹配者优先）',
      addCategory: '添加类别',
      removeCategory: '删除类别',
      categoryName: '类别名称',
      keywords: '关键词（回车添加）',
      orderHint: '关键词在“购买产品”字段中查找：中文任意位置匹配，英文按整词匹配，不区分大小写。',
    },
  },
};
