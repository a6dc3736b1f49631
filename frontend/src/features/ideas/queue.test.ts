import { createCydClient } from "@cyd/client";
import { describe, expect, it } from "vitest";
import { backoffMs, IdeaQueue, MemoryQueueStore, type QueuedIdea } from "./queue";
import { classify, makeSender } from "./sender";

const ME = "11111111-1111-4111-8111-111111111111";

function idea(text: string, n: number) {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    table_id: "t",
    author_id: ME,
    entered_by_participant_id: ME,
    entered_by_facilitator: false,
    source: "phone",
    text,
    theme_id: null,
    status: "active",
    version: 1,
    parent_ids: [],
    combined_into_ids: [],
    repurposed_from_id: null,
    created_at: "2025-01-01T00:00:00Z",
    updated_at: null,
  };
}

type Behaviour = "ok" | "offline" | "500" | "drop" | "422" | "401" | "in-progress";

/** A fake server: stores each key once, like the real one, and can fail on purpose. */
function fakeServer() {
  const saved = new Map<string, ReturnType<typeof idea>>();
  const requests: { key: string | null; text: string }[] = [];
  const plan: Behaviour[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const request = input as Request;
    const body = (await request.clone().json()) as { text: string };
    const key = request.headers.get("Idempotency-Key");
    requests.push({ key, text: body.text });
    const behaviour = plan.shift() ?? "ok";
    if (behaviour === "offline") throw new TypeError("Failed to fetch");
    if (behaviour === "500") return json(500, { code: "internal_error", title: "Oops" });
    if (behaviour === "401") return json(401, { code: "unauthenticated", title: "Sign in" });
    if (behaviour === "in-progress") return json(409, { code: "idempotent_request_in_progress", title: "Busy" });
    if (behaviour === "422") return json(422, { code: "phase_closed", title: "Not open now" });
    const existing = key ? saved.get(key) : undefined;
    const created = existing ?? idea(body.text, saved.size + 1);
    if (key && !existing) saved.set(key, created);
    if (behaviour === "drop") throw new TypeError("connection reset"); // saved, but the answer is lost
    return json(existing ? 200 : 201, created);
  };
  return { saved, requests, plan, client: createCydClient({ baseUrl: "http://cyd.test", fetch }) };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" } });
}

function setup() {
  const server = fakeServer();
  const store = new MemoryQueueStore();
  let clock = 1_000;
  const wakes: number[] = [];
  const sent: string[] = [];
  const queue = new IdeaQueue({
    store,
    send: makeSender(server.client),
    participantId: ME,
    now: () => clock,
    random: () => 0,
    schedule: (_fn, ms) => {
      wakes.push(ms);
      return () => undefined;
    },
    onSent: (i) => sent.push(i.text),
  });
  return { server, store, queue, wakes, sent, tick: (ms: number) => (clock += ms) };
}

async function settle(queue: IdeaQueue) {
  await queue.flush();
}

describe("IdeaQueue", () => {
  it("stores the idea before sending, then removes it once the server has it", async () => {
    const { server, store, queue, sent } = setup();
    server.plan.push("offline");
    await queue.enqueue({ key: "k1", text: "Bus pass for carers", authorId: null });
    await settle(queue);
    expect((await store.list()).map((i) => i.text)).toEqual(["Bus pass for carers"]);
    expect(server.saved.size).toBe(0);

    await queue.retryNow();
    expect(await store.list()).toEqual([]);
    expect(sent).toEqual(["Bus pass for carers"]);
    expect(server.saved.size).toBe(1);
  });

  it("retries a dropped response with the same key, so the idea is saved once", async () => {
    const { server, store, queue, tick } = setup();
    server.plan.push("drop");
    await queue.enqueue({ key: "k-drop", text: "Drop-in café", authorId: null });
    await settle(queue);
    expect(server.saved.size).toBe(1);
    expect((await store.list()).length).toBe(1);

    tick(5_000);
    await queue.flush();
    expect(server.requests.map((r) => r.key)).toEqual(["k-drop", "k-drop"]);
    expect(server.saved.size).toBe(1);
    expect(await store.list()).toEqual([]);
  });

  it("sends in the order typed, and stops the round at the first network failure", async () => {
    const { server, queue, tick } = setup();
    server.plan.push("offline");
    await queue.enqueue({ key: "a", text: "one", authorId: null });
    await queue.enqueue({ key: "b", text: "two", authorId: null });
    await queue.enqueue({ key: "c", text: "three", authorId: null });
    await settle(queue);
    // Each round tried only the oldest; the younger ones waited behind it.
    expect(server.requests.map((r) => r.text)).toEqual(["one"]);
    tick(120_000);
    await queue.flush();
    expect(server.requests.map((r) => r.text).slice(-3)).toEqual(["one", "two", "three"]);
    expect([...server.saved.values()].map((i) => i.text)).toEqual(["one", "two", "three"]);
  });

  it("backs off after 5xx, 401 and in-progress answers, keeping the idea", async () => {
    const { server, store, queue, wakes, tick } = setup();
    server.plan.push("500", "401", "in-progress");
    await queue.enqueue({ key: "k", text: "Later", authorId: null });
    await settle(queue);
    for (let i = 0; i < 2; i++) {
      tick(60_000);
      await queue.flush();
    }
    const [item] = await store.list();
    expect(item?.attempts).toBe(3);
    expect(item?.failure).toBeNull();
    expect([...new Set(wakes)]).toEqual([1000, 2000, 4000]);
    tick(60_000);
    await queue.flush();
    expect(await store.list()).toEqual([]);
  });

  it("does not send before the backoff delay is over", async () => {
    const { server, queue, tick } = setup();
    server.plan.push("500");
    await queue.enqueue({ key: "k", text: "Wait", authorId: null });
    await settle(queue);
    tick(500);
    await queue.flush();
    expect(server.requests.length).toBe(1);
  });

  it("marks a definitive 4xx as failed, keeps the text, and goes on with the next", async () => {
    const { server, store, queue } = setup();
    server.plan.push("422");
    await queue.enqueue({ key: "bad", text: "Refused", authorId: null });
    await queue.enqueue({ key: "good", text: "Accepted", authorId: null });
    await settle(queue);
    const left = await store.list();
    expect(left.map((i) => [i.key, i.failure?.code])).toEqual([["bad", "phase_closed"]]);
    // Not sent again by itself ...
    await queue.retryNow();
    expect(server.requests.filter((r) => r.key === "bad").length).toBe(1);
    // ... only when the person asks.
    await queue.retryItem("bad");
    expect(await store.list()).toEqual([]);
  });

  it("survives a reload: a new queue over the same store sends what was left", async () => {
    const { server, store, queue } = setup();
    server.plan.push("offline");
    await queue.enqueue({ key: "persist", text: "Still here", authorId: "someone-else" });
    await settle(queue);
    queue.stop();

    const again = new IdeaQueue({ store, send: makeSender(server.client), participantId: ME, now: () => 10_000_000 });
    await again.flush();
    expect(await store.list()).toEqual([]);
    expect(server.requests.at(-1)).toEqual({ key: "persist", text: "Still here" });
  });

  it("only sends the signed-in participant's ideas", async () => {
    const { server, store } = setup();
    const other: QueuedIdea = { key: "x", participantId: "someone-else", text: "Not mine", authorId: null, createdAt: 0, attempts: 0, nextAttemptAt: 0, failure: null };
    await store.put(other);
    const queue = new IdeaQueue({ store, send: makeSender(server.client), participantId: ME });
    await queue.flush();
    expect(server.requests).toEqual([]);
    expect(queue.snapshot()).toEqual([]);
  });

  it("shares one run between concurrent flushes (no double send)", async () => {
    const { server, queue } = setup();
    await queue.enqueue({ key: "once", text: "Once", authorId: null });
    await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(server.requests.length).toBe(1);
  });
});

describe("classify", () => {
  it("retries what may succeed later and refuses the rest", () => {
    expect(classify(503, {}).kind).toBe("retry");
    expect(classify(429, { code: "too_many_requests" }).kind).toBe("retry");
    expect(classify(409, { code: "idempotent_request_in_progress" }).kind).toBe("retry");
    expect(classify(409, { code: "not_seated", title: "Not seated" })).toEqual({ kind: "rejected", failure: { status: 409, code: "not_seated", title: "Not seated" } });
    expect(classify(422, { code: "idempotency_key_reused" }).kind).toBe("rejected");
  });

  it("grows the delay up to a minute", () => {
    expect([1, 2, 3, 10].map((n) => backoffMs(n, () => 0))).toEqual([1000, 2000, 4000, 60_000]);
    expect(backoffMs(1, () => 1)).toBe(1300);
  });
});
