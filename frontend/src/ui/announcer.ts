import { useSyncExternalStore } from "react";

/**
 * Throttled screen-reader announcements: events are counted, and at most one summary is spoken
 * every `gapMs` ("3 new ideas from your table"), never one message per event.
 */
export type Tally = Record<string, number>;

export class Announcer {
  private tally: Tally = {};
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private message = "";
  private listeners = new Set<() => void>();

  constructor(
    private readonly compose: (tally: Tally) => string,
    private readonly gapMs = 5000,
    private readonly batchMs = 1000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  count(kind: string, n = 1): void {
    this.tally[kind] = (this.tally[kind] ?? 0) + n;
    if (this.timer !== undefined) return;
    const wait = Math.max(this.batchMs, this.last + this.gapMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    this.timer = undefined;
    const tally = this.tally;
    this.tally = {};
    const text = this.compose(tally);
    if (!text) return;
    this.last = this.now();
    // The same words twice in a row would not be read again: alternate a trailing space.
    this.message = text === this.message.trim() && !this.message.endsWith(" ") ? `${text} ` : text;
    for (const l of this.listeners) l();
  }

  current = (): string => this.message;
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

export function useAnnouncement(announcer: Announcer): string {
  return useSyncExternalStore(announcer.subscribe, announcer.current, announcer.current);
}
