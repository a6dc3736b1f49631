import { useQuery } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";

type S = components["schemas"];
export type PublicTable = S["PublicTable"];
export type PublicStoryboard = S["PublicStoryboard"];
export type PublicPitch = S["PublicPitch"];
export type PublicOffer = S["PublicOffer"];
export type PublicInitiative = S["PublicInitiative"];
export type PublicIndicator = S["PublicIndicator"];
export type PublicSteward = S["PartnerSteward"];
export type PublicPlan = S["PublicPlanSummary"];

/** The initiatives of a published session (404 once it is withdrawn). */
export function usePublicInitiatives(sessionId: string) {
  return useQuery({
    queryKey: ["public", "sessions", sessionId, "initiatives"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/public/sessions/{session_id}/initiatives", { params: { path: { session_id: sessionId } } })),
    retry: false,
  });
}
