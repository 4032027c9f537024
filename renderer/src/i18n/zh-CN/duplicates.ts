// Chinese text of the Duplicates page.
export const duplicates = {
  duplicates: {
    title: '重复客户',
    subtitle:
      '按电话、邮箱、证件号、信用代码和姓名查找同一客户的多条记录，逐组核对：确认、否决、移出一条或合并（可撤销）。',
    auditor: '审计员不能查看或处理重复组；请在审计记录中查看合并历史。',
    run: '查找重复',
    runSummary:
      '比较了 {{records}} 条记录，发现 {{found}} 个待审重复组；保留已决定的 {{kept}} 个；自动合并 {{merged}} 个',
    minScore: '最低得分',
    empty: '没有符合条件的重复组',
    gone: '该重复组已不存在（可能已被拆分或重新查重替换）',
    score: '得分 {{score}}',
    status: { pending: '待审', accepted: '已确认', rejected: '已否决', merged: '已合并', all: '全部' },
    columns: { score: '得分', status: '状态', members: '记录', matched: '匹配字段' },
    kind: { exact: '完全一致', fuzzy: '相似', conflict: '冲突' },
    mergeAbove: {
      label: '合并得分不低于',
      preview: '的待审组：{{n}} 个',
      confirm: '重新查重，并合并得分不低于 {{score}} 的全部待审重复组（当前 {{n}} 个）？合并可逐个撤销。',
      action: '全部合并',
    },
    detail: {
      title: '重复组 #{{id}}',
      field: '字段',
      keep: '保留此记录',
      survivor: '保留的记录',
      mergedInto: '已并入 #{{id}}',
      row: '第 {{row}} 行',
      empty: '（空）',
      split: '移出此组',
      splitConfirm: '将这条记录移出重复组？之后不会再与组内记录配对。',
      accept: '确认是同一客户',
      reject: '不是同一客户',
      merge: '合并',
      unmerge: '撤销合并',
      howTo: '选择保留的记录，并在有差异的字段（黄色）中选择要保留的值，然后合并。',
      why: '匹配说明',
      conflict: '证件号或信用代码冲突，未归入同组：',
    },
  },
};
