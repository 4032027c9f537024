// The app's own address: the one origin the shell trusts for pages, navigation and IPC senders.
import { APP_ORIGIN } from '../../shared/csp';

export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * A string prefix check, not URL parsing: Node's URL gives a `null` origin for non-special schemes,
 * and the trailing slash rules out look-alikes such as `app://closeout.evil/` or `app://closeout@evil/`.
 */
export function isAppUrl(url: string): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}
