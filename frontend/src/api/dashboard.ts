import { useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { randomId } from "../lib/ids";
import { api } from "./client";
import { unwrap } from "./problem";

/* The facilitator's live dashboard: progress, reduction, moderation, paper notes. */

type S = components["schemas"];
export type SessionProgress = S["SessionProgress"];
export type TableProgressRow = S["TableProgress"];
export type MemberProgress = S["MemberProgress"];
export type SessionIdea = S["IdeaPublic"];
export type IdeaTimeline = S["IdeaTimeline"];
export type FlagPublic = S["FlagPublic"];
export type ModerationPublic = S["ModerationPublic"];
export type TableStage = S["TableStage"];
export type ReductionState = S["ReductionState"];
export type ReductionSettings = S["ReductionSettingsPublic"];
export type ReductionSettingsUpdate = S["ReductionSettingsUpdate"];
export type ClosableStage = S["StageRequest"]["stage"];
export type BulkLine = S["BulkLine"];

const root = (sid: string) => ["facilitator", sid] as const;
export const dashKeys = {
  all: root,
  progress: (sid: string) => [...root(sid), "progress"] as const,
  ideas: (sid: string) => [...root(sid), "ideas"] as const,
  timeline: (sid: string) => [...root(sid), "timeline"] as const,
  reduction: (sid: string) => [...root(sid), "reduction"] as const,
  tableReduction: (sid: string, tableId: string) => [...root(sid), "table-reduction", tableId] as const,
  settings: (sid: string) => [...root(sid), "reduction-settings"] as const,
  flags: (sid: string) => [...root(sid), "flags"] as const,
  moderation: (sid: string, ideaId: string) => [...root(sid), "moderation", ideaId] as const,
};

/* Cache updates shared by mutations and the live stream */

export function upsertSessionIdeas(qc: QueryClient, sid: string, ideas: SessionIdea[]): void {
  qc.setQueryData<SessionIdea[]>(dashKeys.ideas(sid), (old) => {
    if (!old) return old;
    const items = [...old];
    for (const idea of ideas) {
      const at = items.findIndex((i) => i.id === idea.id);
      if (at === -1) items.push(idea);
      else if (items[at]!.version <= idea.version) items[at] = idea;
    }
    return items;
  });
}

export function markHidden(qc: QueryClient, sid: string, ideaId: string): void {
  qc.setQueryData<SessionIdea[]>(dashKeys.ideas(sid), (old) => old?.map((i) => (i.id === ideaId ? { ...i, status: "hidden" } : i)));
}

const pending = new Map<string, ReturnType<typeof setTimeout>>();

/** Invalidate a query soon, once for a burst of events rather than once per event. */
export function invalidateSoon(qc: QueryClient, queryKey: readonly unknown[], delayMs = 1500): void {
  const id = JSON.stringify(queryKey);
  if (pending.has(id)) return;
  pending.set(
    id,
    setTimeout(() => {
      pending.delete(id);
      void qc.invalidateQueries({ queryKey });
    }, delayMs),
  );
}

/* Queries */

export function useSessionProgress(sid: string) {
  return useQuery({
    queryKey: dashKeys.progress(sid),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/progress", { params: { path: { session_id: sid } } })),
    // "Nothing in the last 5 minutes" changes without any event: a slow poll keeps it true.
    refetchInterval: 60_000,
  });
}

/** Every idea of the session (hidden ones too), all pages; kept fresh by the stream. */
export function useSessionIdeas(sid: string) {
  return useQuery({
    queryKey: dashKeys.ideas(sid),
    queryFn: async () => {
      const all: SessionIdea[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 500; i++) {
        const page = await unwrap(
          api.GET("/api/v1/sessions/{session_id}/ideas", { params: { path: { session_id: sid }, query: { limit: 200, cursor } } }),
        );
        all.push(...page.items);
        if (!page.next_cursor) break;
        cursor = page.next_cursor;
      }
      return all;
    },
    staleTime: 5 * 60_000,
  });
}

/** Ideas per minute, in total and by table: what the chart draws, without every idea. */
export function useIdeasTimeline(sid: string) {
  return useQuery({
    queryKey: dashKeys.timeline(sid),
    queryFn: () =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/ideas/timeline", { params: { path: { session_id: sid }, query: { bucket_minutes: 1 } } })),
    staleTime: 5 * 60_000,
  });
}

export function useSessionReduction(sid: string) {
  return useQuery({
    queryKey: dashKeys.reduction(sid),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/reduction", { params: { path: { session_id: sid } } })),
  });
}

/** Each table's reduction state (stage, agreement, shortlist, choice): fetched only from the
 * reduce phase on (who is present comes with the progress). */
export function useTableReductions(sid: string, tableIds: string[], enabled = true) {
  return useQueries({
    queries: tableIds.map((tableId) => ({
      queryKey: dashKeys.tableReduction(sid, tableId),
      queryFn: () =>
        unwrap(
          api.GET("/api/v1/sessions/{session_id}/tables/{table_id}/reduction", {
            params: { path: { session_id: sid, table_id: tableId } },
          }),
        ),
      enabled,
      staleTime: 30_000,
    })),
  });
}

export function useReductionSettings(sid: string) {
  return useQuery({
    queryKey: dashKeys.settings(sid),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/reduction-settings", { params: { path: { session_id: sid } } })),
  });
}

export function useFlags(sid: string) {
  return useQuery({
    queryKey: dashKeys.flags(sid),
    queryFn: async () => {
      const all: FlagPublic[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 50; i++) {
        const page = await unwrap(
          api.GET("/api/v1/sessions/{session_id}/flags", { params: { path: { session_id: sid }, query: { limit: 200, cursor } } }),
        );
        all.push(...page.items);
        if (!page.next_cursor) break;
        cursor = page.next_cursor;
      }
      return all;
    },
    refetchInterval: 60_000,
  });
}

export function useModerationLog(sid: string, ideaId: string, enabled: boolean) {
  return useQuery({
    queryKey: dashKeys.moderation(sid, ideaId),
    enabled,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/sessions/{session_id}/ideas/{idea_id}/moderation", {
          params: { path: { session_id: sid, idea_id: ideaId }, query: { limit: 200 } },
        }),
      ),
  });
}

/* Changes */

export function useUpdateReductionSettings(sid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReductionSettingsUpdate) =>
      unwrap(api.PUT("/api/v1/sessions/{session_id}/reduction-settings", { params: { path: { session_id: sid } }, body })),
    onSuccess: (settings) => qc.setQueryData(dashKeys.settings(sid), settings),
  });
}

export function useCloseRound(sid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ tableId, stage }: { tableId: string; stage: ClosableStage }) =>
      unwrap(
        api.POST("/api/v1/sessions/{session_id}/tables/{table_id}/reduction/close-round", {
          params: { path: { session_id: sid, table_id: tableId } },
          body: { stage },
        }),
      ),
    onSuccess: (state) => {
      qc.setQueryData(dashKeys.tableReduction(sid, state.table_id), state);
      void qc.invalidateQueries({ queryKey: dashKeys.reduction(sid) });
    },
  });
}

export function useModerate(sid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ ideaId, action, reason }: { ideaId: string; action: "hide" | "unhide"; reason: string }) => {
      const params = { path: { session_id: sid, idea_id: ideaId } };
      return unwrap(
        action === "hide"
          ? api.POST("/api/v1/sessions/{session_id}/ideas/{idea_id}/hide", { params, body: { reason } })
          : api.POST("/api/v1/sessions/{session_id}/ideas/{idea_id}/unhide", { params, body: { reason } }),
      );
    },
    onSuccess: (idea) => {
      qc.setQueryData<SessionIdea[]>(dashKeys.ideas(sid), (old) => old?.map((i) => (i.id === idea.id ? idea : i)));
      void qc.invalidateQueries({ queryKey: dashKeys.moderation(sid, idea.id) });
      invalidateSoon(qc, dashKeys.progress(sid), 300);
    },
  });
}

export function useResolveFlag(sid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, note }: { flagId: string; note: string }) =>
      unwrap(
        api.POST("/api/v1/sessions/{session_id}/flags/{flag_id}/resolve", {
          params: { path: { session_id: sid, flag_id: flagId } },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      ),
    onSuccess: (flag) => qc.setQueryData<FlagPublic[]>(dashKeys.flags(sid), (old) => old?.map((f) => (f.id === flag.id ? flag : f))),
  });
}

/** Paper notes typed in: all lines or none; the caller keeps the Idempotency-Key for retries. */
export function useBulkIdeas(sid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ tableId, lines, key }: { tableId: string; lines: BulkLine[]; key: string }) =>
      unwrap(
        api.POST("/api/v1/sessions/{session_id}/tables/{table_id}/ideas/bulk", {
          params: { path: { session_id: sid, table_id: tableId }, header: { "Idempotency-Key": key } },
          body: { lines },
        }),
      ),
    onSuccess: (result) => {
      upsertSessionIdeas(qc, sid, result.items);
      invalidateSoon(qc, dashKeys.progress(sid), 300);
    },
  });
}

export const newIdempotencyKey = randomId;

export function exportUrl(sid: string, format: "csv" | "json"): string {
  return `/api/v1/sessions/${encodeURIComponent(sid)}/export.${format}`;
}
