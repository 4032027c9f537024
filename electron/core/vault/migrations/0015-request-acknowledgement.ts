// Schema 15: the day a customer's request was acknowledged (confirmed as received), which the CCPA asks
// for within 10 business days. NULL: not acknowledged yet (every request registered before).
export const version = 15;

export const sql = `ALTER TABLE requests ADD COLUMN acknowledged_on TEXT;`;
