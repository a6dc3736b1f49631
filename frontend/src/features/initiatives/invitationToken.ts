import { tokenFromLocation } from "../participants/RejoinPage";

const KEY = "cyd_steward_invitation";

/**
 * The invitation token comes in the link's fragment (never sent to the server, so never in logs).
 * It is kept in this tab's session storage while the person signs in elsewhere and comes back,
 * and the fragment is cleared from the address bar.
 */
export function takeInvitationToken(hash: string, search: string): string {
  const fromLink = tokenFromLocation(hash, search);
  if (fromLink) {
    sessionStorage.setItem(KEY, fromLink);
    window.history.replaceState(window.history.state, "", window.location.pathname);
    return fromLink;
  }
  return sessionStorage.getItem(KEY) ?? "";
}

export function forgetInvitationToken(): void {
  sessionStorage.removeItem(KEY);
}
