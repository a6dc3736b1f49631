import type { CydClient } from "@cyd/client";
import type { Failure, Sender, SendOutcome } from "./queue";

/** 4xx answers that mean "not now" rather than "never": the idea stays queued. */
const TRY_LATER = new Set([401, 408, 425, 429]);

export function classify(status: number, body: unknown): SendOutcome {
  const problem = (typeof body === "object" && body !== null ? body : {}) as { code?: unknown; title?: unknown };
  const code = typeof problem.code === "string" ? problem.code : `http_${status}`;
  if (status >= 500 || status === 0 || TRY_LATER.has(status) || code === "idempotent_request_in_progress") {
    return { kind: "retry", reason: code };
  }
  const failure: Failure = { status, code };
  if (typeof problem.title === "string") failure.title = problem.title;
  return { kind: "rejected", failure };
}

/**
 * Sends one queued idea with its Idempotency-Key. A timeout aborts the request and counts as
 * a network error: the server may have saved it, so the retry must (and does) reuse the key.
 */
export function makeSender(client: CydClient, timeoutMs = 15_000): Sender {
  return async (item) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const result = await client.POST("/api/v1/me/table/ideas", {
        params: { header: { "Idempotency-Key": item.key } },
        body: { text: item.text, author_id: item.authorId },
        signal: controller.signal,
      });
      if (result.response.ok && result.data) return { kind: "sent", idea: result.data };
      return classify(result.response.status, result.error);
    } catch {
      return { kind: "retry", reason: "network" };
    } finally {
      clearTimeout(timer);
    }
  };
}
