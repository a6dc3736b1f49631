import type { QueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { api } from "../../api/client";
import { refreshProgressSoon, upsertIdeas } from "../../api/ideas";
import { IdbQueueStore } from "./idbStore";
import { IdeaQueue, type QueuedIdea } from "./queue";
import { makeSender } from "./sender";

const PERIOD_MS = 15_000;
const store = new IdbQueueStore();
let queue: IdeaQueue | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/**
 * Runs the participant's outbox while their area is open: at once (ideas left from before a
 * reload), whenever the browser says it is back online, and every 15 s.
 */
export function startIdeaQueue(qc: QueryClient, participantId: string): () => void {
  const q = new IdeaQueue({
    store,
    send: makeSender(api),
    participantId,
    onSent: (idea) => {
      upsertIdeas(qc, [idea]);
      refreshProgressSoon(qc, 300);
    },
  });
  queue = q;
  notify();
  void q.refresh().then(() => q.flush());
  const onOnline = () => void q.retryNow();
  window.addEventListener("online", onOnline);
  const interval = setInterval(() => void q.flush(), PERIOD_MS);
  return () => {
    q.stop();
    clearInterval(interval);
    window.removeEventListener("online", onOnline);
    if (queue === q) {
      queue = null;
      notify();
    }
  };
}

export function useIdeaQueue(): IdeaQueue | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => queue,
    () => null,
  );
}

const empty: QueuedIdea[] = [];
const none = () => () => undefined;

export function useQueuedIdeas(q: IdeaQueue | null): QueuedIdea[] {
  return useSyncExternalStore(q ? q.subscribe : none, q ? q.snapshot : () => empty, () => empty);
}
