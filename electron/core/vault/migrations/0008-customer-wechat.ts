// Schema 8: the customer's WeChat ID (微信号) and its validation status, with an index on it like the
// other contact columns. Records imported before keep no WeChat ID ('missing').
export const version = 8;

export const sql = `
ALTER TABLE customers ADD COLUMN wechat TEXT;
ALTER TABLE customers ADD COLUMN wechat_status TEXT NOT NULL DEFAULT 'missing'
  CHECK (wechat_status IN ('valid', 'invalid', 'missing'));
CREATE INDEX customers_wechat ON customers (wechat) WHERE wechat IS NOT NULL;
`;
