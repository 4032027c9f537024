// The customer fields' labels in English, written once (the same keys as zh-CN/fields.ts).
import type { Messages } from '../messages';
import type { fields as zh } from '../zh-CN/fields';

export const fields: Messages<typeof zh> = {
  fields: {
    name: 'Name',
    organisation: 'Organisation',
    phone: 'Phone',
    email: 'E-mail',
    wechat: 'WeChat ID',
    idNumber: 'ID number',
    creditCode: 'Credit code',
    address: 'Address',
    country: 'Country / region',
    product: 'Product / service',
    lastOrderDate: 'Last order',
    lifetimeValue: 'Lifetime value',
    notes: 'Notes',
    customerType: 'Customer type (as written)',
  },
};
