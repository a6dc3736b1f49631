import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { api } from "./client";
import { unwrap } from "./problem";

type S = components["schemas"];
export type FeedbackWrite = S["FeedbackWrite"];
export type FeedbackMine = S["FeedbackMine"];
export type FeedbackSummary = S["FeedbackSummary"];
export type QuestionSummary = S["QuestionSummary"];
export type FeedbackQuestion = "felt_heard" | "felt_equal" | "trusted_process";

export const QUESTIONS: FeedbackQuestion[] = ["felt_heard", "felt_equal", "trusted_process"];
const mineKey = ["participant", "feedback"] as const;

export function useMyFeedback(enabled = true) {
  return useQuery({ queryKey: mineKey, queryFn: () => unwrap(api.GET("/api/v1/me/feedback")), enabled });
}

export function useWriteFeedback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackWrite) => unwrap(api.PUT("/api/v1/me/feedback", { body })),
    onSuccess: (mine) => qc.setQueryData(mineKey, mine),
  });
}

export function useFeedbackSummary(sessionId: string) {
  return useQuery({
    queryKey: ["sessions", sessionId, "feedback-summary"],
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/feedback/summary", { params: { path: { session_id: sessionId } } })),
    refetchInterval: 60_000,
  });
}
