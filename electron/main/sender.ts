// Who may talk to the engine: only the main frame of a window this app created, showing the app's own
// origin. Sub-frames, foreign pages and web contents the app did not create are refused.
import type { WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from './app-url';
import type { AppWindows } from './app-windows';

export interface SenderEvent {
  readonly sender: WebContents;
  readonly senderFrame: WebFrameMain | null;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

const refuse = (reason: string): SenderVerdict => ({ trusted: false, reason });

export function checkSender(event: SenderEvent, windows: AppWindows): SenderVerdict {
  try {
    const { sender } = event;
    if (!windows.owns(sender)) return refuse('web contents not created by this app');
    const frame = event.senderFrame;
    if (!frame || frame.detached) return refuse('sender frame is gone');
    if (frame.parent !== null || !sameFrame(frame, sender.mainFrame)) return refuse('not the main frame');
    if (!isAppUrl(frame.url)) return refuse('frame is not showing the app');
    return { trusted: true };
  } catch {
    // A frame disposed mid-check throws on access: it is not a sender to trust.
    return refuse('sender frame could not be inspected');
  }
}

/** Identity first; process and routing ids name the same frame if a second wrapper object exists. */
function sameFrame(a: WebFrameMain, b: WebFrameMain): boolean {
  return a === b || (a.processId === b.processId && a.routingId === b.routingId);
}
