import type { TFunction } from "i18next";

export interface FieldProblem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** A failed API call, carrying the problem's stable `code` for translation. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly fieldProblems: FieldProblem[];

  constructor(init: { status: number; code: string; title?: string; detail?: string | null; errors?: FieldProblem[] | null }) {
    super(init.title ?? init.code);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail ?? undefined;
    this.fieldProblems = init.errors ?? [];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function toApiError(body: unknown, status: number): ApiError {
  if (isRecord(body) && typeof body.code === "string") {
    return new ApiError({
      status,
      code: body.code,
      title: typeof body.title === "string" ? body.title : undefined,
      detail: typeof body.detail === "string" ? body.detail : undefined,
      errors: Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [],
    });
  }
  return new ApiError({ status, code: status >= 500 ? "internal_error" : "http_error" });
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Resolves to the data of a successful call; throws an ApiError otherwise. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError({ status: 0, code: "network" });
  }
  if (!result.response.ok || result.error !== undefined) {
    throw toApiError(result.error, result.response.status);
  }
  return result.data as T;
}

/** A message for the user, in the UI language: the code's translation, else the server's title. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `problems.${error.code}`;
    const translated = t(key, { defaultValue: "" });
    if (translated) return translated;
    if (error.title) return error.title;
  }
  return t("problems.unknown");
}

/** Field errors from a 422, keyed by the field path without the leading "body". */
export function fieldProblems(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const p of error.fieldProblems) {
    const path = p.loc.filter((part, i) => !(i === 0 && (part === "body" || part === "query" || part === "path")));
    const key = path.join(".");
    if (!key || out[key]) continue;
    out[key] = t(`fieldProblems.${p.type}`, { defaultValue: p.msg });
  }
  return out;
}
