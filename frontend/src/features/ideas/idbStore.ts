import { createStore, del, set, values, type UseStore } from "idb-keyval";
import { MemoryQueueStore, type QueuedIdea, type QueueStore } from "./queue";

/**
 * The outbox in IndexedDB, so queued ideas survive a reload or a flat battery. Where IndexedDB
 * cannot be opened (some private modes) it falls back to memory: ideas still send, but only
 * while the page stays open.
 */
export class IdbQueueStore implements QueueStore {
  private db: UseStore | null;
  private fallback = new MemoryQueueStore();

  constructor() {
    try {
      this.db = typeof indexedDB === "undefined" ? null : createStore("cyd-outbox", "ideas");
    } catch {
      this.db = null;
    }
  }

  private async attempt<T>(run: (db: UseStore) => Promise<T>, orElse: () => Promise<T>): Promise<T> {
    if (!this.db) return orElse();
    try {
      return await run(this.db);
    } catch {
      this.db = null;
      return orElse();
    }
  }

  list(): Promise<QueuedIdea[]> {
    return this.attempt((db) => values<QueuedIdea>(db), () => this.fallback.list());
  }
  put(item: QueuedIdea): Promise<void> {
    return this.attempt((db) => set(item.key, item, db), () => this.fallback.put(item));
  }
  remove(key: string): Promise<void> {
    return this.attempt((db) => del(key, db), () => this.fallback.remove(key));
  }
}
