import { describe, expect, it } from "vitest";
import { tokenFromLocation } from "./RejoinPage";

describe("tokenFromLocation", () => {
  it("reads the token from the fragment, with or without token=", () => {
    expect(tokenFromLocation("#cyd_rj_abc", "")).toBe("cyd_rj_abc");
    expect(tokenFromLocation("#token=cyd_rj_abc", "")).toBe("cyd_rj_abc");
  });
  it("falls back to ?token=", () => {
    expect(tokenFromLocation("", "?token=xyz")).toBe("xyz");
    expect(tokenFromLocation("", "")).toBeNull();
  });
});
