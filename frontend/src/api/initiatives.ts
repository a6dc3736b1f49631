import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { meKey } from "./auth";
import { api } from "./client";
import { unwrap } from "./problem";

/* Initiatives: ideas taken forward, their steward, action plan and momentum. */

type S = components["schemas"];
export type InitiativeDetail = S["InitiativeDetail"];
export type InitiativeStatus = S["InitiativeStatus"];
export type InitiativeUpdate = S["InitiativeUpdate"];
export type InitiativeMomentum = S["InitiativeMomentum"];
export type StewardKind = S["StewardKind"];
export type StewardSet = S["StewardSet"];
export type StewardMemberCreate = S["StewardMemberCreate"];
export type StewardMemberPublic = S["StewardMemberPublic"];
export type ActionPublic = S["ActionPublic"];
export type ActionStatus = S["ActionStatus"];
export type ActionCreate = S["ActionCreate"];
export type ActionEdit = S["ActionEdit"];
export type ForwardCandidate = S["ForwardCandidate"];

export const INITIATIVE_STATUSES: InitiativeStatus[] = ["active", "paused", "completed", "stopped"];
export const ACTION_STATUSES: ActionStatus[] = ["todo", "doing", "done", "blocked"];
export const STEWARD_KINDS: StewardKind[] = ["person", "committee", "independent_party"];

export const initiativeKeys = {
  candidates: (sid: string) => ["initiatives", "candidates", sid] as const,
  session: (sid: string) => ["initiatives", "session", sid] as const,
  organisation: (oid: string) => ["initiatives", "organisation", oid] as const,
  detail: (id: string) => ["initiative", id] as const,
  actions: (id: string) => ["initiative", id, "actions"] as const,
  updates: (id: string, actionId: string) => ["initiative", id, "updates", actionId] as const,
  momentum: (id: string) => ["initiative", id, "momentum"] as const,
  stewardships: ["stewardships"] as const,
};

const ifMatch = (version: number) => ({ "If-Match": `"${version}"` });

export function useCandidates(sessionId: string) {
  return useQuery({
    queryKey: initiativeKeys.candidates(sessionId),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/initiative-candidates", { params: { path: { session_id: sessionId } } })),
  });
}

export function useSessionInitiatives(sessionId: string) {
  return useQuery({
    queryKey: initiativeKeys.session(sessionId),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/initiatives", { params: { path: { session_id: sessionId }, query: { limit: 200 } } })),
  });
}

export function useTakeForward(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ideaId: string) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/initiatives", { params: { path: { session_id: sessionId } }, body: { idea_id: ideaId } })),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: initiativeKeys.candidates(sessionId) });
      void qc.invalidateQueries({ queryKey: initiativeKeys.session(sessionId) });
    },
  });
}

export function useOrganisationInitiatives(organisationId: string | undefined, status: InitiativeStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...initiativeKeys.organisation(organisationId ?? ""), status],
    enabled: Boolean(organisationId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/organisations/{organisation_id}/momentum", {
          params: { path: { organisation_id: organisationId ?? "" }, query: { status, cursor: pageParam ?? undefined, limit: 50 } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useInitiative(id: string) {
  return useQuery({
    queryKey: initiativeKeys.detail(id),
    queryFn: () => unwrap(api.GET("/api/v1/initiatives/{initiative_id}", { params: { path: { initiative_id: id } } })),
  });
}

export function useMomentum(id: string) {
  return useQuery({
    queryKey: initiativeKeys.momentum(id),
    queryFn: () => unwrap(api.GET("/api/v1/initiatives/{initiative_id}/momentum", { params: { path: { initiative_id: id } } })),
  });
}

/** Every change refreshes the initiative, its plan and its momentum. */
function useRefresh(id: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: initiativeKeys.detail(id) });
}

export function useUpdateInitiative(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: InitiativeUpdate }) =>
      unwrap(api.PATCH("/api/v1/initiatives/{initiative_id}", { params: { path: { initiative_id: id }, header: ifMatch(version) }, body })),
    onSettled: refresh,
  });
}

export function useSetSteward(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: StewardSet) => unwrap(api.PUT("/api/v1/initiatives/{initiative_id}/steward", { params: { path: { initiative_id: id } }, body })),
    onSettled: refresh,
  });
}

export function useAddMember(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: StewardMemberCreate) =>
      unwrap(api.POST("/api/v1/initiatives/{initiative_id}/steward/members", { params: { path: { initiative_id: id } }, body })),
    onSettled: refresh,
  });
}

export function useRemoveMember(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (memberId: string) =>
      unwrap(api.DELETE("/api/v1/initiatives/{initiative_id}/steward/members/{member_id}", { params: { path: { initiative_id: id, member_id: memberId } } })),
    onSettled: refresh,
  });
}

export function useInviteMember(id: string) {
  return useMutation({
    mutationFn: ({ memberId, locale }: { memberId: string; locale: "en" | "cy" }) =>
      unwrap(
        api.POST("/api/v1/initiatives/{initiative_id}/steward/members/{member_id}/invitation", {
          params: { path: { initiative_id: id, member_id: memberId } },
          body: { locale },
        }),
      ),
  });
}

export function useActions(id: string) {
  return useQuery({
    queryKey: initiativeKeys.actions(id),
    queryFn: () => unwrap(api.GET("/api/v1/initiatives/{initiative_id}/actions", { params: { path: { initiative_id: id } } })),
  });
}

export function useAddAction(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: ActionCreate) => unwrap(api.POST("/api/v1/initiatives/{initiative_id}/actions", { params: { path: { initiative_id: id } }, body })),
    onSettled: refresh,
  });
}

export function useEditAction(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ action, body }: { action: ActionPublic; body: ActionEdit }) =>
      unwrap(
        api.PATCH("/api/v1/initiatives/{initiative_id}/actions/{action_id}", {
          params: { path: { initiative_id: id, action_id: action.id }, header: ifMatch(action.version) },
          body,
        }),
      ),
    onSettled: refresh,
  });
}

export function useReorderActions(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (actionIds: string[]) =>
      unwrap(api.PUT("/api/v1/initiatives/{initiative_id}/actions/order", { params: { path: { initiative_id: id } }, body: { action_ids: actionIds } })),
    onSettled: refresh,
  });
}

export function useActionUpdates(id: string, actionId: string, enabled: boolean) {
  return useQuery({
    queryKey: initiativeKeys.updates(id, actionId),
    enabled,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/initiatives/{initiative_id}/actions/{action_id}/updates", {
          params: { path: { initiative_id: id, action_id: actionId }, query: { limit: 200 } },
        }),
      ),
  });
}

export function useAddUpdate(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ actionId, note, status }: { actionId: string; note?: string; status?: ActionStatus }) =>
      unwrap(
        api.POST("/api/v1/initiatives/{initiative_id}/actions/{action_id}/updates", {
          params: { path: { initiative_id: id, action_id: actionId } },
          body: { note: note || undefined, status },
        }),
      ),
    onSettled: refresh,
  });
}

export function useStewardships() {
  return useQuery({
    queryKey: initiativeKeys.stewardships,
    queryFn: () => unwrap(api.GET("/api/v1/me/stewardships", { params: { query: { limit: 200 } } })),
  });
}

export function useStewardInvitationPreview(token: string) {
  return useQuery({
    queryKey: ["steward-invitation", token],
    queryFn: () => unwrap(api.POST("/api/v1/steward-invitations/preview", { body: { token } })),
    enabled: Boolean(token),
    retry: false,
  });
}

export function useAcceptStewardInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; name?: string; email?: string; password?: string; locale: "en" | "cy" }) =>
      unwrap(api.POST("/api/v1/steward-invitations/accept", { body })),
    // Awaited before the page moves on: a new account is signed in only from now on.
    onSuccess: async () => {
      await qc.refetchQueries({ queryKey: meKey });
      void qc.invalidateQueries({ queryKey: initiativeKeys.stewardships });
    },
  });
}
