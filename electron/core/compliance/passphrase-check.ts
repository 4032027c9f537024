// The risk register's "users with weak passphrases": a passphrase is seen only when it is typed (unlock,
// a new vault, a new user, a new passphrase), so its strength score (0–4, never the passphrase) is noted
// then, per user. An unchanged score writes nothing: an unlock leaves the vault as it was.
import { assessPassphrase } from '../../../shared/passphrase-strength';
import type { OpenVault } from '../vault/open-vault';

export function notePassphraseStrength(
  vault: OpenVault,
  userName: string,
  passphrase: string,
  now = new Date(),
): void {
  const user = vault.db
    .prepare('SELECT id FROM users WHERE name = ? AND removed_at IS NULL')
    .get(userName) as { id: string } | undefined;
  if (!user) return;
  vault.db
    .prepare(
      `INSERT INTO passphrase_checks (user_id, score, at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET score = excluded.score, at = excluded.at
       WHERE score <> excluded.score`,
    )
    .run(user.id, assessPassphrase(passphrase).score, now.toISOString());
}
