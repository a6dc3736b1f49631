import { describe, expect, it } from "vitest";
import { catalogueKey } from "../../api/partners";
import { looksLikeWebhookUrl } from "./webhookUrl";

describe("looksLikeWebhookUrl", () => {
  it("accepts http(s) URLs", () => {
    expect(looksLikeWebhookUrl("https://partner.example.org/hooks/cyd")).toBe(true);
    expect(looksLikeWebhookUrl("http://partner.example.org:8080/x?y=1")).toBe(true);
  });

  it("refuses other schemes, credentials, nonsense and over-long URLs", () => {
    for (const bad of ["ftp://partner.example.org/", "javascript:alert(1)", "https://u:p@partner.example.org/", "partner.example.org", "", `https://a.org/${"a".repeat(2000)}`]) {
      expect(looksLikeWebhookUrl(bad), bad).toBe(false);
    }
  });
});

describe("catalogueKey", () => {
  it("turns scope and event names into catalogue keys", () => {
    expect(catalogueKey("sessions:read")).toBe("sessions_read");
    expect(catalogueKey("session.phase_changed")).toBe("session_phase_changed");
  });
});
