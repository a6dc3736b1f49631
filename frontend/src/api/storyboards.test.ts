import { describe, expect, it } from "vitest";
import { etagOf, movedOrder, pictureProblem } from "./storyboards";

const frames = [{ id: "a" }, { id: "b" }, { id: "c" }];

describe("movedOrder", () => {
  it("swaps a frame with its neighbour", () => {
    expect(movedOrder(frames, "b", -1)).toEqual(["b", "a", "c"]);
    expect(movedOrder(frames, "b", 1)).toEqual(["a", "c", "b"]);
  });
  it("leaves the order alone at either end or for an unknown frame", () => {
    expect(movedOrder(frames, "a", -1)).toEqual(["a", "b", "c"]);
    expect(movedOrder(frames, "c", 1)).toEqual(["a", "b", "c"]);
    expect(movedOrder(frames, "z", 1)).toEqual(["a", "b", "c"]);
  });
});

describe("pictureProblem", () => {
  it("accepts PNG, JPEG and WebP up to 8 MB", () => {
    expect(pictureProblem({ type: "image/png", size: 1000 })).toBeNull();
    expect(pictureProblem({ type: "image/webp", size: 8 * 1024 * 1024 })).toBeNull();
  });
  it("refuses other types and larger files", () => {
    expect(pictureProblem({ type: "image/gif", size: 10 })).toBe("type");
    expect(pictureProblem({ type: "application/x-msdownload", size: 10 })).toBe("type");
    expect(pictureProblem({ type: "image/jpeg", size: 8 * 1024 * 1024 + 1 })).toBe("size");
  });
});

describe("etagOf", () => {
  it("quotes versions as ETags", () => {
    expect(etagOf(3)).toBe('"3"');
  });
});
