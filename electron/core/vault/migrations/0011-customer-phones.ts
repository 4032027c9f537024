// Schema 11: every number of a record's phone cell (the first is the phone, the others further phones,
// each with its extension and status), as JSON, when there is more than the phone itself to say.
// Records imported before have the phone alone (NULL). And the customer-type column as written
// (客户类型: 个人, 企业, B2B …), which classification reads as the strongest evidence of the type.
// And two import flags: the row had hidden characters (removed from the values, kept in `raw`), and
// the row was malformed (fewer fields than the header, bytes not in the file's encoding …: the kind).
export const version = 11;

export const sql = `
ALTER TABLE customers ADD COLUMN phones TEXT;
ALTER TABLE customers ADD COLUMN customer_type TEXT;
ALTER TABLE customers ADD COLUMN hidden_characters INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN malformed TEXT;
`;
