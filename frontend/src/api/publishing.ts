import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { api } from "./client";
import { unwrap } from "./problem";

export type PublicationPublic = components["schemas"]["PublicationPublic"];
export type PublicSession = components["schemas"]["PublicSession"];

const publicationKey = (sessionId: string) => ["sessions", sessionId, "publication"] as const;

export function usePublication(sessionId: string) {
  return useQuery({
    queryKey: publicationKey(sessionId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/publication", { params: { path: { session_id: sessionId } } })),
  });
}

/** Publish (`true`) or withdraw (`false`) the session's results. */
export function useSetPublished(sessionId: string) {
  const qc = useQueryClient();
  const path = { params: { path: { session_id: sessionId } } };
  return useMutation({
    mutationFn: (published: boolean) =>
      unwrap(
        published
          ? api.PUT("/api/v1/sessions/{session_id}/publication", path)
          : api.DELETE("/api/v1/sessions/{session_id}/publication", path),
      ),
    onSuccess: (state) => qc.setQueryData(publicationKey(sessionId), state),
  });
}

export function usePublicSession(sessionId: string) {
  return useQuery({
    queryKey: ["public", "sessions", sessionId],
    queryFn: () =>
      unwrap(api.GET("/api/v1/public/sessions/{session_id}", { params: { path: { session_id: sessionId } } })),
    retry: false,
  });
}
