import { describe, expect, it } from "vitest";
import { createCydClient, readCookie } from "./index.js";

function recorder() {
  const seen: Request[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    seen.push(request);
    return new Response(JSON.stringify({ status: "ok" }), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  };
  return { seen, fetchImpl: fetchImpl as typeof fetch };
}

describe("readCookie", () => {
  it("finds a cookie among others and decodes it", () => {
    expect(readCookie("a=1; cyd_csrf=abc%3D; b=2", "cyd_csrf")).toBe("abc=");
    expect(readCookie("a=1", "cyd_csrf")).toBeUndefined();
  });
});

describe("createCydClient in browser mode", () => {
  it("echoes the CSRF cookie on unsafe methods only", async () => {
    const { seen, fetchImpl } = recorder();
    const client = createCydClient({
      baseUrl: "http://cyd.test",
      fetch: fetchImpl,
      cookies: () => "other=x; cyd_csrf=tok123",
    });
    // The health path is the one route guaranteed in every spec version.
    await client.GET("/api/v1/health");
    await (client as unknown as { POST: typeof client.GET }).POST("/api/v1/health");
    expect(seen[0]!.headers.get("X-CSRF-Token")).toBeNull();
    expect(seen[1]!.headers.get("X-CSRF-Token")).toBe("tok123");
    expect(seen[1]!.credentials).toBe("same-origin");
  });

  it("sends the UI language as Accept-Language", async () => {
    const { seen, fetchImpl } = recorder();
    let lang = "en";
    const client = createCydClient({ fetch: fetchImpl, baseUrl: "http://cyd.test", language: () => lang, cookies: () => "" });
    lang = "cy";
    await client.GET("/api/v1/health");
    expect(seen[0]!.headers.get("Accept-Language")).toBe("cy");
  });
});

describe("createCydClient with a token", () => {
  it("sends a bearer token and no CSRF header", async () => {
    const { seen, fetchImpl } = recorder();
    const client = createCydClient({
      baseUrl: "http://cyd.test",
      token: "cyd_pat_x",
      fetch: fetchImpl,
      cookies: () => "cyd_csrf=tok",
    });
    await (client as unknown as { POST: typeof client.GET }).POST("/api/v1/health");
    expect(seen[0]!.headers.get("Authorization")).toBe("Bearer cyd_pat_x");
    expect(seen[0]!.headers.get("X-CSRF-Token")).toBeNull();
  });
});
