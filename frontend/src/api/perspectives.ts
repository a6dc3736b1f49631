import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { allPages } from "./pages";
import { unwrap } from "./problem";
import type { DrawnPromptCard, PerspectiveStatement } from "./types";

export const statementsKey = ["participant", "statements"] as const;
export const drawnKey = ["participant", "drawn"] as const;

export function useTableStatements(enabled = true) {
  return useQuery({
    queryKey: statementsKey,
    queryFn: () => unwrap(api.GET("/api/v1/me/table/perspective-statements")),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useWriteStatement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => unwrap(api.PUT("/api/v1/me/perspective-statement", { body: { text } })),
    onSuccess: (mine) => upsertStatement(qc, mine),
  });
}

export function upsertStatement(qc: QueryClient, statement: PerspectiveStatement): void {
  qc.setQueryData<{ items: PerspectiveStatement[] }>(statementsKey, (old) =>
    old ? { items: [...old.items.filter((s) => s.id !== statement.id), statement] } : old,
  );
}

/** Every card the table has drawn, first draw first (a table draws a few dozen at most). */
export function useDrawnCards(enabled = true) {
  return useQuery({
    queryKey: drawnKey,
    queryFn: () =>
      allPages<DrawnPromptCard>(
        (cursor) => unwrap(api.GET("/api/v1/me/table/prompt-cards/drawn", { params: { query: { limit: 200, cursor } } })),
        10,
      ),
    enabled,
    refetchInterval: 60_000,
  });
}

export function addDrawnCard(qc: QueryClient, card: DrawnPromptCard): void {
  qc.setQueryData<DrawnPromptCard[]>(drawnKey, (old) =>
    old && !old.some((c) => c.draw_id === card.draw_id) ? [...old, card].sort((a, b) => a.number - b.number) : old,
  );
}

export function useDrawCard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/me/table/prompt-cards/draw")),
    onSuccess: (card) => addDrawnCard(qc, card),
  });
}
