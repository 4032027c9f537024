// Engine events to the page: the page's bridge long-polls a Playwright binding and gets every event
// queued since, in order. One binding answer per batch is far cheaper than a page.evaluate per event,
// so progress reaches the page as promptly as it would over IPC.
import type { EventName } from '../../../shared/contract';

export type EventBatch = Array<[EventName, unknown]>;

export class EventChannel {
  private queue: EventBatch = [];
  private waiter: ((batch: EventBatch) => void) | null = null;
  private closed = false;

  push(event: EventName, payload: unknown): void {
    if (this.closed) return;
    this.queue.push([event, payload]);
    this.flush();
  }

  /** Answers the page's poll: queued events now, or the next ones when they come. */
  next(): Promise<EventBatch> {
    // A document polls again only after its previous poll was answered, so a poll still waiting belongs
    // to a document that has gone (reload, navigation): release it empty.
    this.waiter?.([]);
    this.waiter = null;
    if (this.closed) return new Promise<EventBatch>(() => undefined);
    if (this.queue.length) return Promise.resolve(this.take());
    return new Promise<EventBatch>((resolve) => {
      this.waiter = resolve;
    });
  }

  close(): void {
    this.closed = true;
    this.waiter?.([]);
    this.waiter = null;
  }

  private take(): EventBatch {
    const batch = this.queue;
    this.queue = [];
    return batch;
  }

  private flush(): void {
    if (!this.waiter || !this.queue.length) return;
    const resolve = this.waiter;
    this.waiter = null;
    resolve(this.take());
  }
}
