// The user name last used to unlock each vault, so the unlock screen can offer it again. Names only:
// passphrases and recovery keys are never written anywhere by the renderer.
import { readTextPreference, writePreference } from '../platform/preferences';

const keyFor = (vaultId: string) => `closeout.lastUser.${vaultId}`;

export const readLastUser = (vaultId: string): string => readTextPreference(keyFor(vaultId)) ?? '';

export function rememberLastUser(vaultId: string, userName: string): void {
  writePreference(keyFor(vaultId), userName);
}
