// The user's display preferences (language, theme) in localStorage: small, not secret, per installation.
const warn = (what: string, error: unknown) =>
  console.warn(`closeout: could not ${what}: ${error instanceof Error ? error.message : String(error)}`);

export function readPreference<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(key);
  } catch (error) {
    // Storage can be disabled by the host; the app still works with defaults.
    warn(`read the preference ${key}`, error);
  }
  return (allowed as readonly string[]).includes(stored ?? '') ? (stored as T) : fallback;
}

export function writePreference(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch (error) {
    warn(`save the preference ${key}`, error);
  }
}

/** A free-text preference (e.g. the last user name for a vault); null when absent or unreadable. */
export function readTextPreference(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch (error) {
    warn(`read the preference ${key}`, error);
    return null;
  }
}
