import { useQuery } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";

type S = components["schemas"];
export type SessionReport = S["SessionReport"];
export type ReportTable = S["ReportTable"];
export type ReportIdea = S["ReportIdea"];
export type ReportIdeaLink = S["ReportIdeaLink"];
export type ReportIdeaRef = S["ReportIdeaRef"];
export type ReportReduction = S["ReportReduction"];
export type ReportStoryboard = S["ReportStoryboard"];
export type ReportPitch = S["ReportPitch"];
export type ReportBilingual = S["ReportBilingual"];
export type ReportTableRef = S["ReportTableRef"];

/** The whole session as one document (a snapshot: it is read, printed or saved, not watched). */
export function useReport(sessionId: string) {
  return useQuery({
    queryKey: ["session", sessionId, "report"],
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/report", { params: { path: { session_id: sessionId } } })),
  });
}
