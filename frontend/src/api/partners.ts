import type { components } from "@cyd/client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { unwrap } from "./problem";

type S = components["schemas"];
export type ApiKey = S["ApiKeyPublic"];
export type ApiKeyCreated = S["ApiKeyCreated"];
export type ApiKeyCreate = S["ApiKeyCreate"];
export type Webhook = S["WebhookPublic"];
export type WebhookCreated = S["WebhookCreated"];
export type WebhookCreate = S["WebhookCreate"];
export type WebhookUpdate = S["WebhookUpdate"];
export type Delivery = S["DeliveryPublic"];

const keysKey = (organisationId: string) => ["partners", organisationId, "keys"] as const;
const hooksKey = (organisationId: string) => ["partners", organisationId, "webhooks"] as const;
const deliveriesKey = (organisationId: string, webhookId: string) => ["partners", organisationId, "webhooks", webhookId, "deliveries"] as const;
const path = (organisationId: string) => ({ path: { organisation_id: organisationId } });
const onePath = (organisationId: string, webhookId: string) => ({ path: { organisation_id: organisationId, webhook_id: webhookId } });

/** The scopes a partner API key can carry (names; descriptions come from the catalogue). */
export function usePartnerScopes() {
  return useQuery({ queryKey: ["partners", "scopes"], queryFn: () => unwrap(api.GET("/api/v1/partner/scopes")), staleTime: Infinity });
}

export function useEventKinds() {
  return useQuery({ queryKey: ["partners", "event-kinds"], queryFn: () => unwrap(api.GET("/api/v1/webhooks/event-kinds")), staleTime: Infinity });
}

export function useApiKeys(organisationId: string) {
  return useQuery({
    queryKey: keysKey(organisationId),
    queryFn: () => unwrap(api.GET("/api/v1/organisations/{organisation_id}/api-keys", { params: { ...path(organisationId), query: { limit: 200 } } })),
    retry: false,
  });
}

export function useCreateApiKey(organisationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyCreate) => unwrap(api.POST("/api/v1/organisations/{organisation_id}/api-keys", { params: path(organisationId), body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keysKey(organisationId) }),
  });
}

export function useRevokeApiKey(organisationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      unwrap(api.DELETE("/api/v1/organisations/{organisation_id}/api-keys/{key_id}", { params: { path: { organisation_id: organisationId, key_id: keyId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keysKey(organisationId) }),
  });
}

export function useWebhooks(organisationId: string) {
  return useQuery({
    queryKey: hooksKey(organisationId),
    queryFn: () => unwrap(api.GET("/api/v1/organisations/{organisation_id}/webhooks", { params: { ...path(organisationId), query: { limit: 200 } } })),
    retry: false,
  });
}

export function useCreateWebhook(organisationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookCreate) => unwrap(api.POST("/api/v1/organisations/{organisation_id}/webhooks", { params: path(organisationId), body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: hooksKey(organisationId) }),
  });
}

export function useUpdateWebhook(organisationId: string, webhookId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookUpdate) =>
      unwrap(api.PATCH("/api/v1/organisations/{organisation_id}/webhooks/{webhook_id}", { params: onePath(organisationId, webhookId), body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: hooksKey(organisationId) }),
  });
}

export function useDeleteWebhook(organisationId: string, webhookId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/organisations/{organisation_id}/webhooks/{webhook_id}", { params: onePath(organisationId, webhookId) })),
    onSuccess: () => qc.invalidateQueries({ queryKey: hooksKey(organisationId) }),
  });
}

export function useRotateSecret(organisationId: string, webhookId: string) {
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/organisations/{organisation_id}/webhooks/{webhook_id}/rotate-secret", { params: onePath(organisationId, webhookId) })),
  });
}

export function usePingWebhook(organisationId: string, webhookId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/organisations/{organisation_id}/webhooks/{webhook_id}/ping", { params: onePath(organisationId, webhookId) })),
    onSuccess: () => qc.invalidateQueries({ queryKey: deliveriesKey(organisationId, webhookId) }),
  });
}

/** How many deliveries the log shows at first, and adds each time older ones are asked for. */
export const DELIVERIES_PAGE = 50;

/**
 * The deliveries, newest first, a page at a time (`fetchNextPage` adds older ones), refreshed
 * while any is still pending. A refresh refetches every page loaded so far, each from the
 * previous page's cursor, so the list stays whole and in order as new deliveries arrive.
 */
export function useDeliveries(organisationId: string, webhookId: string) {
  return useInfiniteQuery({
    queryKey: deliveriesKey(organisationId, webhookId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/organisations/{organisation_id}/webhooks/{webhook_id}/deliveries", {
          params: { ...onePath(organisationId, webhookId), query: { limit: DELIVERIES_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some((d) => d.status === "pending")) ? 2_000 : 30_000),
  });
}

/** Scope and event names ("sessions:read", "session.phase_changed") as catalogue keys. */
export function catalogueKey(name: string): string {
  return name.replace(/[.:]/g, "_");
}
