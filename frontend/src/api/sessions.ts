import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { unwrap } from "./problem";
import type { Phase, SessionCreate, SessionPublic, SessionUpdate, TimerPublic } from "./types";

export const sessionKey = (id: string) => ["session", id] as const;

export function useSessions(organisationId: string | undefined, includeArchived: boolean) {
  return useInfiniteQuery({
    queryKey: ["sessions", organisationId, includeArchived],
    enabled: Boolean(organisationId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/sessions", {
          params: {
            query: { organisation_id: organisationId, include_archived: includeArchived, cursor: pageParam ?? undefined, limit: 50 },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

/** A session; polled while open so that phase and timer changes from others show up. */
export function useSession(id: string, refetchInterval: number | false = 10_000) {
  return useQuery({
    queryKey: sessionKey(id),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}", { params: { path: { session_id: id } } })),
    refetchInterval,
  });
}

function useStoreSession() {
  const qc = useQueryClient();
  return (s: SessionPublic) => {
    qc.setQueryData(sessionKey(s.id), s);
    void qc.invalidateQueries({ queryKey: ["sessions"] });
  };
}

export function useCreateSession() {
  const store = useStoreSession();
  return useMutation({
    mutationFn: (body: SessionCreate) => unwrap(api.POST("/api/v1/sessions", { body })),
    onSuccess: store,
  });
}

export function useUpdateSession(id: string) {
  const store = useStoreSession();
  return useMutation({
    mutationFn: (body: SessionUpdate) =>
      unwrap(api.PATCH("/api/v1/sessions/{session_id}", { params: { path: { session_id: id } }, body })),
    onSuccess: store,
  });
}

export function useArchive(id: string) {
  const store = useStoreSession();
  return useMutation({
    mutationFn: (archive: boolean) => {
      const params = { path: { session_id: id } };
      return unwrap(
        archive
          ? api.POST("/api/v1/sessions/{session_id}/archive", { params })
          : api.POST("/api/v1/sessions/{session_id}/unarchive", { params }),
      );
    },
    onSuccess: store,
  });
}

export function useRotateCode(id: string) {
  const store = useStoreSession();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/sessions/{session_id}/join-code/rotate", { params: { path: { session_id: id } } })),
    onSuccess: store,
  });
}

export function useChangePhase(id: string) {
  const store = useStoreSession();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { to: Phase; reason?: string }) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/phase", { params: { path: { session_id: id } }, body })),
    onSuccess: (s) => {
      store(s);
      void qc.invalidateQueries({ queryKey: ["phase-history", id] });
    },
  });
}

export function usePhaseHistory(id: string) {
  return useQuery({
    queryKey: ["phase-history", id],
    queryFn: () =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/phase-history", { params: { path: { session_id: id }, query: { limit: 50 } } })),
  });
}

export type TimerAction = { kind: "start"; seconds: number } | { kind: "pause" } | { kind: "resume" } | { kind: "extend"; seconds: number } | { kind: "stop" };

export function useTimer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (action: TimerAction): Promise<TimerPublic | null> => {
      const params = { path: { session_id: id } };
      switch (action.kind) {
        case "start":
          return unwrap(api.PUT("/api/v1/sessions/{session_id}/timer", { params, body: { duration_seconds: action.seconds } }));
        case "pause":
          return unwrap(api.POST("/api/v1/sessions/{session_id}/timer/pause", { params }));
        case "resume":
          return unwrap(api.POST("/api/v1/sessions/{session_id}/timer/resume", { params }));
        case "extend":
          return unwrap(api.POST("/api/v1/sessions/{session_id}/timer/extend", { params, body: { seconds: action.seconds } }));
        case "stop":
          await unwrap(api.DELETE("/api/v1/sessions/{session_id}/timer", { params }));
          return null;
      }
    },
    onSuccess: (timer) => {
      qc.setQueryData<SessionPublic>(sessionKey(id), (old) =>
        old && timer ? { ...old, timer } : old,
      );
      void qc.invalidateQueries({ queryKey: sessionKey(id) });
    },
  });
}

export function useJoinPreview(code: string) {
  return useQuery({
    queryKey: ["join-preview", code],
    queryFn: () => unwrap(api.GET("/api/v1/join/{code}", { params: { path: { code } } })),
    enabled: Boolean(code),
    retry: false,
  });
}

export function joinQrUrl(sessionId: string): string {
  return `/api/v1/sessions/${encodeURIComponent(sessionId)}/join-qr.svg`;
}
