// Error codes of the customers' requests register (requests.*), in both languages.
import type { ErrorEntry } from './entry';

export const requestsErrors = {
  REQUEST_NOT_FOUND: {
    'zh-CN': '请求登记册中没有 {{id}}',
    en: 'There is no request {{id}} in the register',
  },
  REQUEST_CLOSED: {
    'zh-CN': '请求 {{ref}} 已关闭，不能再更改；未做任何更改',
    en: 'The request {{ref}} is closed and can no longer be changed; nothing was changed',
  },
  REQUEST_EXTENDED: {
    'zh-CN': '请求 {{ref}} 已于 {{at}} 延期过一次，法定期限只能延长一次；未做任何更改',
    en: 'The request {{ref}} was already extended on {{at}}; the period can be extended only once; nothing was changed',
  },
  REQUEST_ACKNOWLEDGED: {
    'zh-CN': '请求 {{ref}} 已于 {{on}} 确认收到；未做任何更改',
    en: 'The receipt of request {{ref}} was already confirmed on {{on}}; nothing was changed',
  },
  REQUEST_FULFILLED: {
    'zh-CN': '请求 {{ref}} 已于 {{at}} 办理；未做任何更改',
    en: 'The request {{ref}} was already fulfilled on {{at}}; nothing was changed',
  },
  REQUEST_RECORD_GONE: {
    'zh-CN': '请求 {{ref}} 所指的客户记录 {{id}} 已不在保险库中；未做任何更改',
    en: 'The customer record {{id}} that the request {{ref}} names is no longer in the vault; nothing was changed',
  },
  REQUEST_DELETION_UNFINISHED: {
    'zh-CN':
      '请求 {{ref}} 的删除已于 {{at}} 开始但尚未完成认证：请先在“销毁”页继续未完成的销毁，再办理此请求',
    en: 'The deletion for request {{ref}} began on {{at}} and is not certified yet: finish the pending wipe on the Wipe page, then fulfil the request again',
  },
  REQUEST_CORRECTION_FIELD: {
    'zh-CN': '字段“{{field}}”不能在此更正（可更正：{{allowed}}）；未做任何更改',
    en: 'The field “{{field}}” cannot be corrected here (correctable: {{allowed}}); nothing was changed',
  },
  REQUEST_CORRECTION_EMPTY: {
    'zh-CN': '更正请求需要至少一个字段的新值；未做任何更改',
    en: 'A correction needs the new value of at least one field; nothing was changed',
  },
} as const satisfies Record<string, ErrorEntry>;
