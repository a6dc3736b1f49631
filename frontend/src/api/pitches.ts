import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { api } from "./client";
import { allPages } from "./pages";
import { unwrap } from "./problem";

/* Cooperative pitches: a table's pitch, other tables' responses, and presenter mode. */

type S = components["schemas"];
export type PitchPublic = S["PitchPublic"];
export type MyPitch = S["MyPitch"];
export type PitchSave = S["PitchSave"];
export type Ask = S["PitchAsk"];
export type BarrierTag = S["BarrierTag"];
export type ResponseKind = S["ResponseKind"];
export type ResponsePublic = S["PitchResponsePublic"];
export type ResponseCreate = S["PitchResponseCreate"];
export type PresenterPublic = S["PresenterPublic"];
export type PresenterAction = S["PresenterAction"];
export type StoryboardPublic = S["StoryboardPublic"];

export const BARRIER_TAGS: BarrierTag[] = [
  "resistance_from_power",
  "engrained_systems",
  "waiting_for_permission",
  "hard_work",
  "hidden_agendas",
  "time_resources_competing_demands",
  "assumptions_about_people",
];
export const RESPONSE_KINDS: ResponseKind[] = ["offer", "question", "suggestion"];

export const pitchKeys = {
  mine: ["participant", "pitch"] as const,
  others: ["participant", "pitches"] as const,
  responses: (pitchId: string) => ["participant", "pitch-responses", pitchId] as const,
  presenter: ["participant", "presenter"] as const,
  session: (sid: string) => ["facilitator", sid, "pitches"] as const,
  table: (sid: string, tableId: string) => ["facilitator", sid, "pitch", tableId] as const,
  sessionResponses: (sid: string, pitchId: string) => ["facilitator", sid, "pitch-responses", pitchId] as const,
  sessionPresenter: (sid: string) => ["facilitator", sid, "presenter"] as const,
  storyboard: (sid: string, tableId: string) => ["facilitator", sid, "storyboard", tableId] as const,
};

/* A participant's side */

export function useMyPitch(enabled = true) {
  return useQuery({ queryKey: pitchKeys.mine, queryFn: () => unwrap(api.GET("/api/v1/me/pitch")), enabled, refetchInterval: 20_000 });
}

export function useSaveMyPitch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PitchSave) => unwrap(api.PUT("/api/v1/me/pitch", { body })),
    onSuccess: (mine) => qc.setQueryData(pitchKeys.mine, mine),
  });
}

export function useOtherPitches(enabled = true) {
  return useQuery({
    queryKey: pitchKeys.others,
    queryFn: () => allPages((cursor) => unwrap(api.GET("/api/v1/me/pitches", { params: { query: { cursor, limit: 100 } } }))),
    enabled,
    refetchInterval: 20_000,
  });
}

export function usePitchResponses(pitchId: string | undefined) {
  return useQuery({
    queryKey: pitchKeys.responses(pitchId ?? ""),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET("/api/v1/me/pitches/{pitch_id}/responses", { params: { path: { pitch_id: pitchId! }, query: { cursor, limit: 200 } } })),
      ),
    enabled: Boolean(pitchId),
    refetchInterval: 20_000,
  });
}

export function useRespond(pitchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: ResponseCreate; key: string }) =>
      unwrap(
        api.POST("/api/v1/me/pitches/{pitch_id}/responses", {
          params: { path: { pitch_id: pitchId }, header: { "Idempotency-Key": key } },
          body,
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: pitchKeys.responses(pitchId) }),
  });
}

export function useReply(pitchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ responseId, reply }: { responseId: string; reply: string }) =>
      unwrap(api.PUT("/api/v1/me/pitch/responses/{response_id}/reply", { params: { path: { response_id: responseId } }, body: { reply } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: pitchKeys.responses(pitchId) }),
  });
}

/** Which table is on the big screen; polled, so a phone without a live stream still follows. */
export function useMyPresenter(enabled = true) {
  return useQuery({ queryKey: pitchKeys.presenter, queryFn: () => unwrap(api.GET("/api/v1/me/presenter")), enabled, refetchInterval: 5_000 });
}

/* A facilitator's side */

export function useSessionPitches(sid: string) {
  return useQuery({
    queryKey: pitchKeys.session(sid),
    queryFn: () =>
      allPages((cursor) => unwrap(api.GET("/api/v1/sessions/{session_id}/pitches", { params: { path: { session_id: sid }, query: { cursor, limit: 100 } } }))),
    refetchInterval: 15_000,
  });
}

export function useSessionResponses(sid: string, pitchId: string | undefined) {
  return useQuery({
    queryKey: pitchKeys.sessionResponses(sid, pitchId ?? ""),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET("/api/v1/sessions/{session_id}/pitches/{pitch_id}/responses", {
            params: { path: { session_id: sid, pitch_id: pitchId! }, query: { cursor, limit: 200 } },
          }),
        ),
      ),
    enabled: Boolean(pitchId),
    refetchInterval: 15_000,
  });
}

export function useTablePitch(sid: string, tableId: string | undefined) {
  return useQuery({
    queryKey: pitchKeys.table(sid, tableId ?? ""),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/tables/{table_id}/pitch", { params: { path: { session_id: sid, table_id: tableId! } } })),
    enabled: Boolean(tableId),
    refetchInterval: 15_000,
  });
}

/** The storyboard shown on the big screen with the pitch. */
export function useTableStoryboard(sid: string, tableId: string | undefined) {
  return useQuery({
    queryKey: pitchKeys.storyboard(sid, tableId ?? ""),
    queryFn: () =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/tables/{table_id}/storyboard", { params: { path: { session_id: sid, table_id: tableId! } } })),
    enabled: Boolean(tableId),
    refetchInterval: 30_000,
  });
}

export function usePresenter(sid: string) {
  return useQuery({
    queryKey: pitchKeys.sessionPresenter(sid),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/presenter", { params: { path: { session_id: sid } } })),
    refetchInterval: 10_000,
  });
}

export function useMovePresenter(sid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PresenterAction) => unwrap(api.POST("/api/v1/sessions/{session_id}/presenter", { params: { path: { session_id: sid } }, body })),
    onSuccess: (state) => qc.setQueryData(pitchKeys.sessionPresenter(sid), state),
  });
}
