import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DELIVERIES_PAGE, type Delivery } from "../../api/partners";
import { setupI18n } from "../../i18n";
import { DeliveryLog } from "./DeliveryLog";

const ORG = "org-1";
const HOOK = "hook-1";

/** A fake server's webhook log: `total` deliveries, newest (highest sequence number) first,
 * paged like the real one (the cursor is the last delivery's sequence number). */
const server = vi.hoisted(() => ({ total: 0, requests: [] as URL[] }));

vi.mock("../../api/client", async () => {
  const { createCydClient } = await import("@cyd/client");
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL((input as Request).url);
    server.requests.push(url);
    const limit = Number(url.searchParams.get("limit"));
    const before = Number(url.searchParams.get("cursor") ?? server.total + 1);
    const seqs = Array.from({ length: server.total }, (_, i) => server.total - i).filter((seq) => seq < before);
    const page = seqs.slice(0, limit);
    const body = { items: page.map(delivery), next_cursor: seqs.length > limit ? String(page.at(-1)) : null };
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return { api: createCydClient({ baseUrl: "http://cyd.test", fetch }) };
});

function delivery(seq: number): Delivery {
  return {
    id: `delivery-${seq}`,
    event_id: `event-${seq}`,
    kind: "webhook.ping",
    status: "delivered",
    attempts: 1,
    next_attempt_at: null,
    last_attempt_at: "2030-01-01T10:00:00Z",
    last_status_code: 200,
    last_error_kind: null,
    last_response_excerpt: null,
    last_error: null,
    delivered_at: "2030-01-01T10:00:00Z",
    created_at: "2030-01-01T10:00:00Z",
  };
}

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let container: HTMLElement;
let root: Root;

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  expect(check()).toBe(true);
}

const items = () => container.querySelectorAll("[data-testid=deliveries] > li");
const olderButton = () => Array.from(container.querySelectorAll("button")).find((b) => b.textContent === "Show older deliveries");

describe("DeliveryLog", () => {
  setupI18n("en");

  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    server.requests = [];
    container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  function renderLog() {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    act(() =>
      root.render(
        <QueryClientProvider client={qc}>
          <DeliveryLog organisationId={ORG} webhookId={HOOK} />
        </QueryClientProvider>,
      ),
    );
  }

  it("shows the newest page, appends older pages from the cursor, and drops the button on the last page", async () => {
    server.total = 2 * DELIVERIES_PAGE + 10;
    const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `delivery-${from - i}`);
    renderLog();
    await until(() => items().length === DELIVERIES_PAGE);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.pathname).toBe(`/api/v1/organisations/${ORG}/webhooks/${HOOK}/deliveries`);
    expect(server.requests[0]!.searchParams.get("cursor")).toBeNull();
    expect(Array.from(items(), (li) => li.getAttribute("data-delivery-id"))).toEqual(ids(server.total, DELIVERIES_PAGE));

    // A real button, under the list.
    const button = olderButton()!;
    expect(button.tagName).toBe("BUTTON");
    expect(button.type).toBe("button");
    expect(container.querySelector("[data-testid=deliveries]")!.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    button.focus();
    act(() => button.click());
    await until(() => items().length === 2 * DELIVERIES_PAGE);

    // The second page came from the first page's cursor (its oldest delivery) and is appended.
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.searchParams.get("cursor")).toBe(String(server.total - DELIVERIES_PAGE + 1));
    expect(server.requests[1]!.searchParams.get("limit")).toBe(String(DELIVERIES_PAGE));
    expect(Array.from(items(), (li) => li.getAttribute("data-delivery-id"))).toEqual(ids(server.total, 2 * DELIVERIES_PAGE));
    // Focus moves to the first older delivery; there are more, so the button stays.
    await until(() => document.activeElement === items()[DELIVERIES_PAGE]!.querySelector(".delivery__toggle"));
    expect(olderButton()).toBeDefined();

    act(() => olderButton()!.click());
    await until(() => items().length === server.total);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2]!.searchParams.get("cursor")).toBe(String(server.total - 2 * DELIVERIES_PAGE + 1));
    expect(Array.from(items(), (li) => li.getAttribute("data-delivery-id"))).toEqual(ids(server.total, server.total));
    // That was the last page: the button is gone, and focus is on the first of the last page.
    expect(olderButton()).toBeUndefined();
    await until(() => document.activeElement === items()[2 * DELIVERIES_PAGE]!.querySelector(".delivery__toggle"));
  });

  it("offers no older deliveries when everything fits on one page", async () => {
    server.total = 3;
    renderLog();
    await until(() => items().length === 3);
    expect(olderButton()).toBeUndefined();
  });
});
