import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { randomId } from "../lib/ids";
import { api } from "./client";
import { ApiError, toApiError, unwrap } from "./problem";
import type { IdeaPublic, ThemePublic } from "./types";

export const ideasKey = ["participant", "ideas"] as const;
export const themesKey = ["participant", "themes"] as const;
export const progressKey = ["participant", "progress"] as const;

type IdeaList = { items: IdeaPublic[] };
type ThemeList = { items: ThemePublic[] };

/** The ETag of an idea as the server sends it (`"<version>"`), for If-Match. */
export const etagOf = (idea: Pick<IdeaPublic, "version">) => `"${idea.version}"`;

/* Cache updates, shared by mutations, the offline queue and the live stream. */

export function upsertIdeas(qc: QueryClient, ideas: IdeaPublic[]): void {
  qc.setQueryData<IdeaList>(ideasKey, (old) => {
    if (!old) return old;
    const items = [...old.items];
    for (const idea of ideas) {
      const at = items.findIndex((i) => i.id === idea.id);
      if (at === -1) items.push(idea);
      // Events may arrive after a fresher copy (our own response): keep the newer version.
      else if (items[at]!.version <= idea.version) items[at] = idea;
    }
    return { items };
  });
}

export function dropIdea(qc: QueryClient, id: string): void {
  qc.setQueryData<IdeaList>(ideasKey, (old) => (old ? { items: old.items.filter((i) => i.id !== id) } : old));
}

export function upsertTheme(qc: QueryClient, theme: ThemePublic): void {
  qc.setQueryData<ThemeList>(themesKey, (old) => {
    if (!old) return old;
    const items = old.items.filter((t) => t.id !== theme.id);
    items.push(theme);
    items.sort((a, b) => a.position - b.position || a.created_at.localeCompare(b.created_at));
    return { items };
  });
}

export function dropTheme(qc: QueryClient, themeId: string): void {
  qc.setQueryData<ThemeList>(themesKey, (old) => (old ? { items: old.items.filter((t) => t.id !== themeId) } : old));
  qc.setQueryData<IdeaList>(ideasKey, (old) =>
    old ? { items: old.items.map((i) => (i.theme_id === themeId ? { ...i, theme_id: null } : i)) } : old,
  );
}

let progressTimer: ReturnType<typeof setTimeout> | undefined;

/** Refetch progress soon, once for a burst of ideas rather than once per idea. */
export function refreshProgressSoon(qc: QueryClient, delayMs = 1500): void {
  if (progressTimer !== undefined) return;
  progressTimer = setTimeout(() => {
    progressTimer = undefined;
    void qc.invalidateQueries({ queryKey: progressKey });
  }, delayMs);
}

/* Queries */

export function useTableIdeas(enabled = true) {
  return useQuery({
    queryKey: ideasKey,
    queryFn: () => unwrap(api.GET("/api/v1/me/table/ideas")),
    enabled,
    // The live stream keeps this fresh; a slow poll covers a stream that cannot connect.
    refetchInterval: 60_000,
  });
}

export function useThemes(enabled = true) {
  return useQuery({ queryKey: themesKey, queryFn: () => unwrap(api.GET("/api/v1/me/table/themes")), enabled, refetchInterval: 60_000 });
}

export function useProgress(enabled = true) {
  return useQuery({ queryKey: progressKey, queryFn: () => unwrap(api.GET("/api/v1/me/table/progress")), enabled, refetchInterval: 60_000 });
}

/* Changes made on the board */

/** A 412: someone else changed the idea first; `current` is how it is now. */
export class StaleIdeaError extends ApiError {
  readonly current: IdeaPublic;
  constructor(current: IdeaPublic, title?: string) {
    super({ status: 412, code: "precondition_failed", title });
    this.current = current;
  }
}

export interface IdeaEdit {
  idea: IdeaPublic;
  text?: string;
  themeId?: string | null;
}

export function useEditIdea() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ idea, text, themeId }: IdeaEdit): Promise<IdeaPublic> => {
      const body: { text?: string; theme_id?: string | null } = {};
      if (text !== undefined) body.text = text;
      if (themeId !== undefined) body.theme_id = themeId;
      let result;
      try {
        result = await api.PATCH("/api/v1/me/table/ideas/{idea_id}", {
          params: { path: { idea_id: idea.id }, header: { "If-Match": etagOf(idea), "Idempotency-Key": randomId() } },
          body,
        });
      } catch {
        throw new ApiError({ status: 0, code: "network" });
      }
      if (result.response.status === 412) {
        const problem = result.error as { current?: IdeaPublic; title?: string } | undefined;
        if (problem?.current) throw new StaleIdeaError(problem.current, problem.title);
      }
      if (!result.response.ok || !result.data) throw toApiError(result.error, result.response.status);
      return result.data;
    },
    onSuccess: (idea) => upsertIdeas(qc, [idea]),
    onError: (err) => {
      if (err instanceof StaleIdeaError) upsertIdeas(qc, [err.current]);
    },
  });
}

export function useCombineIdeas() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { idea_ids: string[]; text: string; theme_id: string | null }) =>
      unwrap(api.POST("/api/v1/me/table/ideas/combine", { params: { header: { "Idempotency-Key": randomId() } }, body })),
    onSuccess: () => {
      // The parents changed status too: the list is refetched (the live event also upserts).
      void qc.invalidateQueries({ queryKey: ideasKey });
      refreshProgressSoon(qc);
    },
  });
}

export function useRepurposeIdea() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ idea, text, themeId }: { idea: IdeaPublic; text: string; themeId: string | null }) =>
      unwrap(
        api.POST("/api/v1/me/table/ideas/{idea_id}/repurpose", {
          params: { path: { idea_id: idea.id }, header: { "Idempotency-Key": randomId() } },
          body: { text, theme_id: themeId },
        }),
      ),
    onSuccess: (idea) => upsertIdeas(qc, [idea]),
  });
}

export function useCreateTheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST("/api/v1/me/table/themes", { body: { name } })),
    onSuccess: (theme) => upsertTheme(qc, theme),
  });
}

export function useRenameTheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      unwrap(api.PATCH("/api/v1/me/table/themes/{theme_id}", { params: { path: { theme_id: id } }, body: { name } })),
    onSuccess: (theme) => upsertTheme(qc, theme),
  });
}

export function useDeleteTheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await unwrap(api.DELETE("/api/v1/me/table/themes/{theme_id}", { params: { path: { theme_id: id } } }));
      return id;
    },
    onSuccess: (id) => dropTheme(qc, id),
  });
}

export function useRaiseFlag() {
  return useMutation({
    mutationFn: (body: { note: string; idea_id?: string | null }) => unwrap(api.POST("/api/v1/me/flags", { body })),
  });
}
