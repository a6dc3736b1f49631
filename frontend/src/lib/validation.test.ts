import { describe, expect, it } from "vitest";
import { email, integerBetween, joinCode, maxLength, minLength, normaliseJoinCode, required, sameAs, validate } from "./validation";

describe("rules", () => {
  it("required refuses blank text", () => {
    expect(required("  ")).toEqual({ key: "validation.required" });
    expect(required("a")).toBeNull();
  });
  it("email accepts a plain address and leaves empty to `required`", () => {
    expect(email("ffion@example.org")).toBeNull();
    expect(email("")).toBeNull();
    expect(email("ffion@")).toEqual({ key: "validation.email" });
  });
  it("lengths carry the count for plurals", () => {
    expect(minLength(10)("short")).toEqual({ key: "validation.minLength", values: { count: 10 } });
    expect(maxLength(3)("four")).toEqual({ key: "validation.maxLength", values: { count: 3 } });
    expect(minLength(3)("abc")).toBeNull();
  });
  it("integerBetween checks whole numbers in range", () => {
    expect(integerBetween(2, 20)("5")).toBeNull();
    expect(integerBetween(2, 20)("1")).not.toBeNull();
    expect(integerBetween(2, 20)("2.5")).not.toBeNull();
    expect(integerBetween(2, 20)("")).toBeNull();
  });
  it("join codes ignore spaces, dashes and case", () => {
    expect(normaliseJoinCode(" 4kx-9pq ")).toBe("4KX9PQ");
    expect(joinCode("4kx 9pq")).toBeNull();
    expect(joinCode("no!")).toEqual({ key: "validation.joinCode" });
  });
  it("sameAs compares with another value", () => {
    expect(sameAs("x")("x")).toBeNull();
    expect(sameAs("x")("y")).toEqual({ key: "validation.mismatch" });
  });
});

describe("validate", () => {
  it("reports the first broken rule of each field", () => {
    const errors = validate(
      { email: "", password: "short" },
      { email: [required, email], password: [required, minLength(10)] },
    );
    expect(errors).toEqual({
      email: { key: "validation.required" },
      password: { key: "validation.minLength", values: { count: 10 } },
    });
  });
});
