// Schema 4: retention (backup.prune). A pruned copy keeps its row, with when and by whom its files were
// deleted, so the backups table still names every copy that ever existed (the wipe wizard lists them).
export const version = 4;

export const sql = `
ALTER TABLE backups ADD COLUMN deleted_at TEXT;
ALTER TABLE backups ADD COLUMN deleted_by TEXT;
`;
