import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
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

export function useSessionStoryboards(sessionId: string) {
  return useQuery({
    queryKey: sessionStoryboardsKey(sessionId),
    queryFn: () => unwrap(api.GET("/api/v1/sessions/{session_id}/storyboards", { params: { path: { session_id: sessionId } } })),
    refetchInterval: 20_000,
  });
}

/** A 412 means someone else changed it first: fetch the table's version, keep nothing stale. */
function refetchOnError(qc: QueryClient) {
  return (error: unknown) => {
    if (error instanceof ApiError && error.status !== 0) void qc.invalidateQueries({ queryKey: myStoryboardKey });
  };
}

export function useAddFrame() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (frame: FrameInput) =>
      unwrap(api.POST("/api/v1/me/storyboard/frames", { params: { header: { "Idempotency-Key": randomId() } }, body: frame })),
    onSuccess: () => qc.invalidateQueries({ queryKey: myStoryboardKey }),
    onError: refetchOnError(qc),
  });
}

export function useEditFrame() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ frame, changes }: { frame: Frame; changes: FrameChanges }) =>
      unwrap(
        api.PATCH("/api/v1/me/storyboard/frames/{frame_id}", {
          params: { path: { frame_id: frame.id }, header: { "If-Match": etagOf(frame.version) } },
          body: changes,
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: myStoryboardKey }),
    onError: refetchOnError(qc),
  });
}

export function useRemoveFrame() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (frame: Frame) =>
      unwrap(
        api.DELETE("/api/v1/me/storyboard/frames/{frame_id}", {
          params: { path: { frame_id: frame.id }, header: { "If-Match": etagOf(frame.version) } },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: myStoryboardKey }),
    onError: refetchOnError(qc),
  });
}

/** Move one frame up or down: the whole new order, sent with the order's ETag. */
export function useMoveFrame() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ storyboard, frameId, delta }: { storyboard: Storyboard; frameId: string; delta: -1 | 1 }) =>
      unwrap(
        api.PUT("/api/v1/me/storyboard/order", {
          params: { header: { "If-Match": etagOf(storyboard.version) } },
          body: { frame_ids: movedOrder(storyboard.frames, frameId, delta) },
        }),
      ),
    onSuccess: (storyboard) => qc.setQueryData(myStoryboardKey, storyboard),
    onError: refetchOnError(qc),
  });
}

export function useUploadPicture() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      // The generated type says `{ file: string }`; FormData is what goes on the wire.
      return unwrap(api.POST("/api/v1/me/storyboard/images", { body: form as unknown as { file: string } }));
    },
  });
}

