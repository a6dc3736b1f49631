import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { ApiError, unwrap } from "./problem";
import type { Me } from "./types";

export const meKey = ["auth", "me"] as const;

/** The signed-in facilitator, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await unwrap(api.GET("/api/v1/auth/me"));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => qc.setQueryData(meKey, me);
}

export function useSignIn() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => unwrap(api.POST("/api/v1/auth/signin", { body })),
    onSuccess: setMe,
  });
}

export function useSignUp() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (body: { name: string; email: string; password: string; organisation_name: string; locale: "en" | "cy" }) =>
      unwrap(api.POST("/api/v1/auth/signup", { body })),
    onSuccess: setMe,
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/auth/signout")),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export function useRequestReset() {
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST("/api/v1/auth/password-reset", { body: { email } })),
  });
}

export function useConfirmReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      unwrap(api.POST("/api/v1/auth/password-reset/confirm", { body })),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ["invitation", token],
    queryFn: () => unwrap(api.POST("/api/v1/invitations/preview", { body: { token } })),
    enabled: Boolean(token),
    retry: false,
  });
}

export function useAcceptInvitation() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (body: { token: string; name?: string; password?: string; locale: "en" | "cy" }) =>
      unwrap(api.POST("/api/v1/invitations/accept", { body })),
    onSuccess: setMe,
  });
}
