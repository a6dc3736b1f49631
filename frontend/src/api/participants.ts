import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { allPages } from "./pages";
import { ApiError, toApiError, unwrap } from "./problem";
import type { ParticipantCreate, ParticipantSelf, ParticipantUpdate, ProfileUpdate } from "./types";

const meKey = ["participant", "me"] as const;

export function useJoin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; display_name: string; locale: "en" | "cy" }) => unwrap(api.POST("/api/v1/join", { body })),
    onSuccess: (creds) => {
      qc.removeQueries({ queryKey: ["participant"] });
      qc.setQueryData(meKey, creds.participant);
    },
  });
}

export function useRejoin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { rejoin_token: string } | { join_code: string; recovery_code: string }) =>
      unwrap(api.POST("/api/v1/rejoin", { body })),
    onSuccess: (creds) => {
      qc.removeQueries({ queryKey: ["participant"] });
      qc.setQueryData(meKey, creds.participant);
    },
  });
}

/** The participant signed in on this device, or null. */
export function useMyParticipant() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<ParticipantSelf | null> => {
      try {
        return await unwrap(api.GET("/api/v1/me/participant"));
      } catch (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return null;
        throw err;
      }
    },
  });
}

export function useUpdateMyProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileUpdate) => unwrap(api.PATCH("/api/v1/me/participant", { body })),
    onSuccess: (p) => {
      qc.setQueryData(meKey, p);
      void qc.invalidateQueries({ queryKey: ["participant", "table"] });
    },
  });
}

export function useMySession(enabled = true) {
  return useQuery({
    queryKey: ["participant", "session"],
    queryFn: () => unwrap(api.GET("/api/v1/me/session")),
    enabled,
    refetchInterval: 15_000,
  });
}

export function useMyTable(enabled = true) {
  return useQuery({
    queryKey: ["participant", "table"],
    queryFn: () => unwrap(api.GET("/api/v1/me/table")),
    enabled,
    refetchInterval: 20_000,
  });
}

export function useParticipantSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/me/signout")),
    onSettled: () => qc.setQueryData(meKey, null),
  });
}

/* Facilitator side */

export const participantsKey = (sessionId: string) => ["participants", sessionId] as const;

export function useParticipants(sessionId: string) {
  return useQuery({
    queryKey: participantsKey(sessionId),
    // Sessions are bounded (hundreds of people): read every page.
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET("/api/v1/sessions/{session_id}/participants", {
            params: { path: { session_id: sessionId }, query: { limit: 200, cursor } },
          }),
        ),
      ),
    refetchInterval: 15_000,
  });
}

function useRefreshPeople(sessionId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: participantsKey(sessionId) });
    void qc.invalidateQueries({ queryKey: ["board", sessionId] });
  };
}

export function useAddParticipant(sessionId: string) {
  const refresh = useRefreshPeople(sessionId);
  return useMutation({
    mutationFn: (body: ParticipantCreate) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/participants", { params: { path: { session_id: sessionId } }, body })),
    onSuccess: refresh,
  });
}

export function useUpdateParticipant(sessionId: string) {
  const refresh = useRefreshPeople(sessionId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ParticipantUpdate }) =>
      unwrap(
        api.PATCH("/api/v1/sessions/{session_id}/participants/{participant_id}", {
          params: { path: { session_id: sessionId, participant_id: id } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useRemoveParticipant(sessionId: string) {
  const refresh = useRefreshPeople(sessionId);
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE("/api/v1/sessions/{session_id}/participants/{participant_id}", {
          params: { path: { session_id: sessionId, participant_id: id } },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useReissue(sessionId: string) {
  const refresh = useRefreshPeople(sessionId);
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST("/api/v1/sessions/{session_id}/participants/{participant_id}/reissue", {
          params: { path: { session_id: sessionId, participant_id: id } },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useImportCsv(sessionId: string) {
  const refresh = useRefreshPeople(sessionId);
  return useMutation({
    mutationFn: async ({ csv, dryRun }: { csv: string; dryRun: boolean }) => {
      const result = await api.POST("/api/v1/sessions/{session_id}/participants/import", {
        params: { path: { session_id: sessionId }, query: { dry_run: dryRun } },
        body: csv,
        bodySerializer: (b: string) => b,
        headers: { "Content-Type": "text/csv" },
      });
      if (!result.response.ok) throw toApiError(result.error, result.response.status);
      return result.data!;
    },
    onSuccess: (r) => {
      if (!r.dry_run) refresh();
    },
  });
}
