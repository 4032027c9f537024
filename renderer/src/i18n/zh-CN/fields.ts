// The customer fields' labels in Chinese, written once: the Import wizard's mapping, the Records table and
// detail, and the duplicate review all show these. One per field of CUSTOMER_FIELDS (the type insists).
import type { CustomerField } from '../../../../shared/customer';

export const fields = {
  fields: {
    name: '姓名',
    organisation: '单位',
    phone: '电话',
    email: '电子邮箱',
    wechat: '微信号',
    idNumber: '身份证号',
    creditCode: '统一社会信用代码',
    address: '地址',
    country: '国家/地区',
    product: '产品/服务',
    lastOrderDate: '最后购买日期',
    lifetimeValue: '累计消费',
    notes: '备注',
    customerType: '客户类型（原文）',
  } satisfies Record<CustomerField, string>,
};
