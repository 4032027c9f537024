// Schema 10: every number of a record's phone cell (the first is the phone, the others further phones,
// each with its extension and status), as JSON, when there is more than the phone itself to say.
// Records imported before have the phone alone (NULL).
export const version = 10;

export const sql = `
ALTER TABLE customers ADD COLUMN phones TEXT;
`;
