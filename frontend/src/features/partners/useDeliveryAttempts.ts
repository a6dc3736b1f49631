import type { components } from "@cyd/client";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";

export type Attempt = components["schemas"]["AttemptPublic"];

const PAGE = 20;

/**
 * Every attempt of one delivery, oldest first, a page at a time. The key holds the delivery's
 * attempt count, so a new attempt (the log refreshes while a delivery waits) refetches the list;
 * it sits under the deliveries key, so sending a test ping refreshes it too.
 */
export function useDeliveryAttempts(organisationId: string, webhookId: string, deliveryId: string, attempts: number) {
  return useInfiniteQuery({
    queryKey: ["partners", organisationId, "webhooks", webhookId, "deliveries", deliveryId, "attempts", attempts],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/organisations/{organisation_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/attempts", {
          params: {
            path: { organisation_id: organisationId, webhook_id: webhookId, delivery_id: deliveryId },
            query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: attempts > 0,
  });
}
