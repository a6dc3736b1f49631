import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { randomId } from "../lib/ids";
import { api } from "./client";
import { ApiError, unwrap } from "./problem";

type S = components["schemas"];
export type Storyboard = S["StoryboardPublic"];
export type Frame = S["FramePublic"];
export type FrameInput = S["FrameCreate"];
export type FrameChanges = S["FrameUpdate"];
export type UploadedPicture = S["ImagePublic"];

export const myStoryboardKey = ["participant", "storyboard"] as const;
export const sessionStoryboardsKey = (sessionId: string) => ["session", sessionId, "storyboards"] as const;
/** Under `["facilitator", sid, "storyboard"]`, which `storyboard.updated` refetches. */
export const tableStoryboardKey = (sessionId: string, tableId: string) => ["facilitator", sessionId, "storyboard", tableId] as const;

/** Whose storyboard the editor writes: the participant's own table's, or a facilitator's for a table. */
export type StoryboardTarget = { kind: "me" } | { kind: "table"; sessionId: string; tableId: string };
export const MY_TABLE: StoryboardTarget = { kind: "me" };

function keyOf(target: StoryboardTarget) {
  return target.kind === "me" ? myStoryboardKey : tableStoryboardKey(target.sessionId, target.tableId);
}

/** The ETag the server gives a frame or the order (`"<version>"`), for If-Match. */
export const etagOf = (version: number) => `"${version}"`;

/** What the server accepts; checked here first so that a refusal is instant. */
export const PICTURE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const PICTURE_MAX_BYTES = 8 * 1024 * 1024;

/** Why a picture cannot be sent, before sending it: its type, or its size. */
export function pictureProblem(file: Pick<File, "type" | "size">): "type" | "size" | null {
  if (!(PICTURE_TYPES as readonly string[]).includes(file.type)) return "type";
  if (file.size > PICTURE_MAX_BYTES) return "size";
  return null;
}

/** Every frame id in order, with one moved by `delta` places (unchanged at either end). */
export function movedOrder(frames: Pick<Frame, "id">[], id: string, delta: -1 | 1): string[] {
  const ids = frames.map((f) => f.id);
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return ids;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  return ids;
}

export function useMyStoryboard(enabled = true) {
  return useQuery({
    queryKey: myStoryboardKey,
    queryFn: () => unwrap(api.GET("/api/v1/me/storyboard")),
    enabled,
    // Tablemates' changes arrive as `storyboard.updated` events; a poll covers a dropped stream.
    refetchInterval: 15_000,
  });
}

export function useTableStoryboard(sessionId: string, tableId: string) {
  return useQuery({
    queryKey: tableStoryboardKey(sessionId, tableId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/tables/{table_id}/storyboard", { params: { path: { session_id: sessionId, table_id: tableId } } })),
    refetchInterval: 15_000,
  });
}

export function useSessionStoryboards(sessionId: string) {
  return useQuery({
    queryKey: sessionStoryboardsKey(sessionId),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/storyboards", { params: { path: { session_id: sessionId } } })),
    refetchInterval: 20_000,
  });
}

/** After a change: the storyboard written (and, for a facilitator, the session's list). */
function useRefetch(target: StoryboardTarget) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: keyOf(target) });
    if (target.kind === "table") void qc.invalidateQueries({ queryKey: sessionStoryboardsKey(target.sessionId) });
  };
}

/** A 412 means someone else changed it first: fetch the table's version, keep nothing stale. */
function refetchOnError(refetch: () => void) {
  return (error: unknown) => {
    if (error instanceof ApiError && error.status !== 0) refetch();
  };
}

function tablePath(target: { sessionId: string; tableId: string }) {
  return { session_id: target.sessionId, table_id: target.tableId };
}

export function useAddFrame(target: StoryboardTarget) {
  const refetch = useRefetch(target);
  return useMutation({
    mutationFn: (frame: FrameInput) => {
      const header = { "Idempotency-Key": randomId() };
      if (target.kind === "me") return unwrap(api.POST("/api/v1/me/storyboard/frames", { params: { header }, body: frame }));
      return unwrap(api.POST("/api/v1/sessions/{session_id}/tables/{table_id}/storyboard/frames", { params: { path: tablePath(target), header }, body: frame }));
    },
    onSuccess: refetch,
    onError: refetchOnError(refetch),
  });
}

export function useEditFrame(target: StoryboardTarget) {
  const refetch = useRefetch(target);
  return useMutation({
    mutationFn: ({ frame, changes }: { frame: Frame; changes: FrameChanges }) => {
      const header = { "If-Match": etagOf(frame.version) };
      if (target.kind === "me") return unwrap(api.PATCH("/api/v1/me/storyboard/frames/{frame_id}", { params: { path: { frame_id: frame.id }, header }, body: changes }));
      return unwrap(
        api.PATCH("/api/v1/sessions/{session_id}/tables/{table_id}/storyboard/frames/{frame_id}", {
          params: { path: { ...tablePath(target), frame_id: frame.id }, header },
          body: changes,
        }),
      );
    },
    onSuccess: refetch,
    onError: refetchOnError(refetch),
  });
}

export function useRemoveFrame(target: StoryboardTarget) {
  const refetch = useRefetch(target);
  return useMutation({
    mutationFn: (frame: Frame) => {
      const header = { "If-Match": etagOf(frame.version) };
      if (target.kind === "me") return unwrap(api.DELETE("/api/v1/me/storyboard/frames/{frame_id}", { params: { path: { frame_id: frame.id }, header } }));
      return unwrap(
        api.DELETE("/api/v1/sessions/{session_id}/tables/{table_id}/storyboard/frames/{frame_id}", { params: { path: { ...tablePath(target), frame_id: frame.id }, header } }),
      );
    },
    onSuccess: refetch,
    onError: refetchOnError(refetch),
  });
}

/** Move one frame up or down: the whole new order, sent with the order's ETag. */
export function useMoveFrame(target: StoryboardTarget) {
  const qc = useQueryClient();
  const refetch = useRefetch(target);
  return useMutation({
    mutationFn: ({ storyboard, frameId, delta }: { storyboard: Storyboard; frameId: string; delta: -1 | 1 }) => {
      const params = { header: { "If-Match": etagOf(storyboard.version) } };
      const body = { frame_ids: movedOrder(storyboard.frames, frameId, delta) };
      if (target.kind === "me") return unwrap(api.PUT("/api/v1/me/storyboard/order", { params, body }));
      return unwrap(api.PUT("/api/v1/sessions/{session_id}/tables/{table_id}/storyboard/order", { params: { ...params, path: tablePath(target) }, body }));
    },
    onSuccess: (storyboard) => {
      qc.setQueryData(keyOf(target), storyboard);
      if (target.kind === "table") void qc.invalidateQueries({ queryKey: sessionStoryboardsKey(target.sessionId) });
    },
    onError: refetchOnError(refetch),
  });
}

export function useUploadPicture(target: StoryboardTarget) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      // The generated type says `{ file: string }`; FormData is what goes on the wire.
      const body = form as unknown as { file: string };
      if (target.kind === "me") return unwrap(api.POST("/api/v1/me/storyboard/images", { body }));
      return unwrap(api.POST("/api/v1/sessions/{session_id}/tables/{table_id}/storyboard/images", { params: { path: tablePath(target) }, body }));
    },
  });
}
