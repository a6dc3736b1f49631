import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { api } from "./client";
import { allPages } from "./pages";
import { unwrap } from "./problem";

/* Combining ideas across tables: a table's drafts and its agreement to send or withdraw them, the
 * receiving table's votes, facilitators closing either table's round. */

type S = components["schemas"];
export type CombinationPublic = S["CombinationPublic"];
export type CombinationCandidates = S["CombinationCandidates"];
export type TableIdea = S["CombinationSide"];

export const combinationKeys = {
  mine: ["participant", "combinations"] as const,
  candidates: ["participant", "combination-candidates"] as const,
  session: (sid: string) => ["facilitator", sid, "combinations"] as const,
};

export function useMyCombinations(enabled = true) {
  return useQuery({
    queryKey: combinationKeys.mine,
    queryFn: () => allPages((cursor) => unwrap(api.GET("/api/v1/me/combinations", { params: { query: { cursor, limit: 100 } } }))),
    enabled,
    // Proposals and votes come from other phones: a short poll keeps the count honest.
    refetchInterval: 5_000,
  });
}

export function useCandidates(enabled = true) {
  return useQuery({ queryKey: combinationKeys.candidates, queryFn: () => unwrap(api.GET("/api/v1/me/combinations/candidates")), enabled, refetchInterval: 15_000 });
}

/** Resolves once the table's proposals are fetched again, so that a caller's `onSuccess` sees
 * the proposal where it now stands (e.g. moved from the drafts to the sent list). */
function useRefresh() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: combinationKeys.mine }), qc.invalidateQueries({ queryKey: combinationKeys.candidates })]);
}

export function usePropose() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ tableId, text, key }: { tableId: string; text: string; key: string }) =>
      unwrap(api.POST("/api/v1/me/combinations", { params: { header: { "Idempotency-Key": key } }, body: { table_id: tableId, text } })),
    onSuccess: refresh,
  });
}

export function useVote() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, accept, key }: { id: string; accept: boolean; key: string }) =>
      unwrap(
        api.POST("/api/v1/me/combinations/{combination_id}/votes", {
          params: { path: { combination_id: id }, header: { "Idempotency-Key": key } },
          body: { accept },
        }),
      ),
    onSuccess: refresh,
  });
}

/** Table A's rounds: support sending a draft, or withdrawing what was sent (and take it back). */
export type TableAction = "support" | "unsupport" | "withdraw" | "keep";

export function useTableAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, action, key }: { id: string; action: TableAction; key: string }) => {
      const params = { path: { combination_id: id }, header: { "Idempotency-Key": key } };
      switch (action) {
        case "support":
          return unwrap(api.PUT("/api/v1/me/combinations/{combination_id}/support", { params }));
        case "unsupport":
          return unwrap(api.DELETE("/api/v1/me/combinations/{combination_id}/support", { params }));
        case "withdraw":
          return unwrap(api.PUT("/api/v1/me/combinations/{combination_id}/withdrawal", { params }));
        case "keep":
          return unwrap(api.DELETE("/api/v1/me/combinations/{combination_id}/withdrawal", { params }));
      }
    },
    onSuccess: refresh,
  });
}

export function useSessionCombinations(sid: string) {
  return useQuery({
    queryKey: combinationKeys.session(sid),
    queryFn: () =>
      allPages((cursor) => unwrap(api.GET("/api/v1/sessions/{session_id}/combinations", { params: { path: { session_id: sid }, query: { cursor, limit: 100 } } }))),
    refetchInterval: 10_000,
  });
}

export function useCloseCombination(sid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/combinations/{combination_id}/close", { params: { path: { session_id: sid, combination_id: id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: combinationKeys.session(sid) }),
  });
}

/** Time is up: a facilitator sends a table's draft to the other table (on record). */
export function useSendCombination(sid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/combinations/{combination_id}/send", { params: { path: { session_id: sid, combination_id: id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: combinationKeys.session(sid) }),
  });
}
