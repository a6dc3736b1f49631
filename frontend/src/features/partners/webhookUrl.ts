/** The browser-side check before sending: an http(s) URL without a user name or password.
 * The server checks again, and refuses private and loopback addresses. */
export function looksLikeWebhookUrl(value: string): boolean {
  if (value.length > 2000) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && url.hostname !== "";
  } catch {
    return false;
  }
}
