// Renders a page's model hook as the page does: inside the real SessionProvider, whose session comes from
// the fake engine's vault.session (so `can(op)` reads the contract's access lists for that role).
import { act, renderHook, type RenderHookResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { SessionInfo } from '../../../shared/contract';
import { ok } from '../../../shared/result';
import { SessionProvider } from '../../../renderer/src/session/SessionProvider';
import type { FakeBridge } from './fake-bridge';
import { session } from './samples';

export async function renderModel<T>(
  fake: FakeBridge,
  hook: () => T,
  opened: Partial<SessionInfo> | null = {},
): Promise<RenderHookResult<T, unknown>> {
  fake.handle('vault.session', () => ok(opened ? session(opened) : null));
  const wrapper = ({ children }: { children: ReactNode }) => <SessionProvider>{children}</SessionProvider>;
  const rendered = renderHook(hook, { wrapper });
  // The provider's first vault.session answer, and whatever the hook asked for on mount.
  await act(async () => undefined);
  return rendered;
}

/** Lets pending answers of the fake engine arrive (each await is one turn of the event loop). */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await act(async () => undefined);
}
