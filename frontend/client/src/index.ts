import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";
export type Problem = components["schemas"]["Problem"];
export type CydClient = Client<paths>;

export const CSRF_COOKIE = "cyd_csrf";
export const CSRF_HEADER = "X-CSRF-Token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface CydClientOptions {
  /** Origin of the Cyd server, e.g. "https://cyd.example.org". Empty for the same origin. */
  baseUrl?: string;
  /** A personal access token (`cyd_pat_...`) or participant token (`cyd_pt_...`). */
  token?: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof globalThis.fetch;
  /** Language for problem titles and localised text: a code ("cy") or a getter. */
  language?: string | (() => string);
  /** Where to read cookies from (browser mode). Defaults to `document.cookie` when present. */
  cookies?: () => string;
}

/** The value of one cookie in a `document.cookie`-style string. */
export function readCookie(cookieString: string, name: string): string | undefined {
  for (const part of cookieString.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** Copies the `cyd_csrf` cookie into the `X-CSRF-Token` header on unsafe requests. */
export function csrfMiddleware(cookies: () => string): Middleware {
  return {
    onRequest({ request }) {
      if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
      const token = readCookie(cookies(), CSRF_COOKIE);
      if (token) request.headers.set(CSRF_HEADER, token);
      return request;
    },
  };
}

export function languageMiddleware(language: string | (() => string)): Middleware {
  return {
    onRequest({ request }) {
      const value = typeof language === "function" ? language() : language;
      if (value) request.headers.set("Accept-Language", value);
      return request;
    },
  };
}

/**
 * A typed client. With a `token` it sends `Authorization: Bearer ...` (scripts, partners);
 * without one it behaves as the browser app: same-origin cookies plus the CSRF header.
 */
export function createCydClient(options: CydClientOptions = {}): CydClient {
  const { baseUrl = "", token, language } = options;
  const client = createClient<paths>({
    baseUrl,
    fetch: options.fetch,
    credentials: token ? "omit" : "same-origin",
    headers: token ? { Authorization: `Bearer ${token}` } : undefined,
  });
  if (!token) {
    const cookies =
      options.cookies ?? (() => (typeof document === "undefined" ? "" : document.cookie));
    client.use(csrfMiddleware(cookies));
  }
  if (language) client.use(languageMiddleware(language));
  return client;
}
