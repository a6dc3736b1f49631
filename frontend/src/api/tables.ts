import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage } from "../i18n";
import { pickText } from "../lib/format";
import { api } from "./client";
import { ApiError, unwrap } from "./problem";
import type { AllocationRun, SeatingBoard } from "./types";

/** The board with one person moved (and pinned or not), as the server will have it. */
export function moveOnBoard(board: SeatingBoard, participantId: string, tableId: string | null, pinned: boolean): SeatingBoard {
  const all = [...board.unseated, ...board.tables.flatMap((t) => t.members)];
  const member = all.find((m) => m.id === participantId);
  if (!member) return board;
  const moved = { ...member, pinned: tableId ? pinned : false };
  const without = (list: typeof all) => list.filter((m) => m.id !== participantId);
  return {
    ...board,
    unseated: tableId ? without(board.unseated) : [...without(board.unseated), moved],
    tables: board.tables.map((t) => {
      const members = t.id === tableId ? [...without(t.members), moved] : without(t.members);
      return { ...t, members, size: members.length };
    }),
  };
}

export const boardKey = (sessionId: string) => ["board", sessionId] as const;

export function useBoard(sessionId: string) {
  return useQuery({
    queryKey: boardKey(sessionId),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/tables", { params: { path: { session_id: sessionId } } })),
    refetchInterval: 15_000,
  });
}

/** The latest allocation run, or null before the first one. */
export function useLatestAllocation(sessionId: string) {
  return useQuery({
    queryKey: ["allocation", sessionId],
    queryFn: async (): Promise<AllocationRun | null> => {
      try {
        return await unwrap(api.GET("/api/v1/sessions/{session_id}/allocation", { params: { path: { session_id: sessionId } } }));
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });
}

export function useAllocate(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { seed?: number; table_count?: number; keep_pinned: boolean }) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/allocation", { params: { path: { session_id: sessionId } }, body })),
    onSuccess: (outcome) => {
      const { board, ...run } = outcome;
      qc.setQueryData(boardKey(sessionId), board);
      qc.setQueryData(["allocation", sessionId], run);
      void qc.invalidateQueries({ queryKey: ["participants", sessionId] });
    },
  });
}

export function useSeat(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ participantId, tableId, pinned }: { participantId: string; tableId: string | null; pinned: boolean }) =>
      unwrap(
        api.PUT("/api/v1/sessions/{session_id}/seats/{participant_id}", {
          params: { path: { session_id: sessionId, participant_id: participantId } },
          body: { table_id: tableId, pinned },
        }),
      ),
    onMutate: async ({ participantId, tableId, pinned }) => {
      await qc.cancelQueries({ queryKey: boardKey(sessionId) });
      const before = qc.getQueryData<SeatingBoard>(boardKey(sessionId));
      if (before) qc.setQueryData(boardKey(sessionId), moveOnBoard(before, participantId, tableId, pinned));
      return { before };
    },
    onError: (_err, _vars, context) => {
      if (context?.before) qc.setQueryData(boardKey(sessionId), context.before);
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: boardKey(sessionId) });
      void qc.invalidateQueries({ queryKey: ["participants", sessionId] });
    },
  });
}

/**
 * The organisation's own perspectives as key → label in the UI language (the other language when
 * only that one was written), for showing them by name on the board and the participants list.
 */
export function useCustomPerspectiveLabels(organisationId: string): ReadonlyMap<string, string> {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : "en";
  const perspectives = useQuery({
    queryKey: ["organisation-perspectives", organisationId],
    queryFn: async () => {
      const all: { key: string; label: { en?: string | null; cy?: string | null } }[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET("/api/v1/organisations/{organisation_id}/perspectives", {
            params: { path: { organisation_id: organisationId }, query: { limit: 200, cursor } },
          }),
        );
        all.push(...page.items);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return all;
    },
    staleTime: 5 * 60_000,
  });
  return useMemo(() => new Map((perspectives.data ?? []).map((p) => [p.key, pickText(p.label, lang) || p.key])), [perspectives.data, lang]);
}
