import type { IdeaPublic } from "../../api/types";

/** An idea kept on this device until the server has confirmed it. */
export interface QueuedIdea {
  /** The Idempotency-Key, chosen when the idea was typed; every retry sends the same one. */
  key: string;
  participantId: string;
  text: string;
  /** A tablemate the idea is entered for; null for the person's own. */
  authorId: string | null;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** The server refused it for good (a 4xx): kept, not sent again until the person asks. */
  failure: Failure | null;
}

export interface Failure {
  status: number;
  code: string;
  title?: string;
}

/** Where queued ideas live: IndexedDB in the browser, memory in tests. */
export interface QueueStore {
  list(): Promise<QueuedIdea[]>;
  put(item: QueuedIdea): Promise<void>;
  remove(key: string): Promise<void>;
}

export type SendOutcome = { kind: "sent"; idea: IdeaPublic } | { kind: "retry"; reason: string } | { kind: "rejected"; failure: Failure };
export type Sender = (item: QueuedIdea) => Promise<SendOutcome>;

export interface QueueOptions {
  store: QueueStore;
  send: Sender;
  participantId: string;
  now?: () => number;
  random?: () => number;
  /** Asks for another `flush` after `ms` (the backoff); returns a cancel function. */
  schedule?: (fn: () => void, ms: number) => () => void;
  onSent?: (idea: IdeaPublic, item: QueuedIdea) => void;
}

const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 60_000;

/** 1 s, 2 s, 4 s ... up to a minute, with up to 30 % jitter so that phones do not retry in step. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + 0.3 * random()));
}

export function byAge(a: QueuedIdea, b: QueuedIdea): number {
  return a.createdAt - b.createdAt || a.key.localeCompare(b.key);
}

export class MemoryQueueStore implements QueueStore {
  private items = new Map<string, QueuedIdea>();
  async list() {
    return [...this.items.values()].map((i) => ({ ...i }));
  }
  async put(item: QueuedIdea) {
    this.items.set(item.key, { ...item });
  }
  async remove(key: string) {
    this.items.delete(key);
  }
}

/**
 * The outbox of one participant's ideas. Ideas are written to the store before any sending;
 * `flush` sends the due ones oldest first, one at a time, each with its own key. A network
 * error, a timeout, a 5xx or a "try later" 4xx keeps the idea and stops the round (order is
 * kept) with a growing delay; a 2xx removes it; any other 4xx marks it failed, shown to the
 * person, and the round goes on with the next.
 */
export class IdeaQueue {
  private readonly opts: Required<Omit<QueueOptions, "onSent">> & Pick<QueueOptions, "onSent">;
  private items: QueuedIdea[] = [];
  private listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private cancelWake: (() => void) | null = null;
  private stopped = false;

  constructor(options: QueueOptions) {
    this.opts = {
      now: () => Date.now(),
      random: Math.random,
      schedule: (fn, ms) => {
        const id = setTimeout(fn, ms);
        return () => clearTimeout(id);
      },
      ...options,
    };
  }

  get participantId(): string {
    return this.opts.participantId;
  }

  /** This participant's queued ideas, oldest first (a stable array between changes). */
  snapshot = (): QueuedIdea[] => this.items;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async refresh(): Promise<void> {
    const all = await this.opts.store.list();
    this.items = all.filter((i) => i.participantId === this.opts.participantId).sort(byAge);
    for (const l of this.listeners) l();
  }

  /** Keep the idea (durably) first, then try to send it. */
  async enqueue(idea: { key: string; text: string; authorId: string | null }): Promise<QueuedIdea> {
    const now = this.opts.now();
    const item: QueuedIdea = {
      key: idea.key,
      participantId: this.opts.participantId,
      text: idea.text,
      authorId: idea.authorId,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      failure: null,
    };
    await this.opts.store.put(item);
    await this.refresh();
    void this.flush();
    return item;
  }

  /** Send what is due. Concurrent calls share one run (and ask it to go round once more). */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** The connection came back (or the person asked): send everything waiting now. */
  async retryNow(): Promise<void> {
    await this.refresh();
    const now = this.opts.now();
    for (const item of this.items) {
      if (!item.failure && item.nextAttemptAt > now) await this.opts.store.put({ ...item, nextAttemptAt: now });
    }
    await this.refresh();
    await this.flush();
  }

  /** Try a refused idea once more (e.g. after the phase reopened). */
  async retryItem(key: string): Promise<void> {
    const item = this.items.find((i) => i.key === key);
    if (!item) return;
    await this.opts.store.put({ ...item, failure: null, attempts: 0, nextAttemptAt: this.opts.now() });
    await this.refresh();
    await this.flush();
  }

  async discard(key: string): Promise<void> {
    await this.opts.store.remove(key);
    await this.refresh();
  }

  stop(): void {
    this.stopped = true;
    this.cancelWake?.();
    this.cancelWake = null;
  }

  private async drain(): Promise<void> {
    await this.refresh();
    for (const queued of [...this.items]) {
      if (this.stopped) return;
      if (queued.failure) continue;
      const now = this.opts.now();
      if (queued.nextAttemptAt > now) {
        this.wakeAt(queued.nextAttemptAt - now);
        return; // the oldest waits, so do the younger: ideas arrive in the order they were typed
      }
      const outcome = await this.opts.send(queued);
      if (outcome.kind === "sent") {
        await this.opts.store.remove(queued.key);
        this.opts.onSent?.(outcome.idea, queued);
      } else if (outcome.kind === "rejected") {
        await this.opts.store.put({ ...queued, failure: outcome.failure });
      } else {
        const attempts = queued.attempts + 1;
        const delay = backoffMs(attempts, this.opts.random);
        await this.opts.store.put({ ...queued, attempts, nextAttemptAt: this.opts.now() + delay });
        await this.refresh();
        this.wakeAt(delay);
        return;
      }
      await this.refresh();
    }
  }

  private wakeAt(ms: number): void {
    this.cancelWake?.();
    this.cancelWake = this.opts.schedule(() => {
      this.cancelWake = null;
      void this.flush();
    }, ms);
  }
}
