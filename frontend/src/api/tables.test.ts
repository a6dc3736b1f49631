import { describe, expect, it } from "vitest";
import { moveOnBoard } from "./tables";
import type { SeatingBoard } from "./types";

const member = (id: string) => ({ id, display_name: id, perspective: null, network_roles: [], pinned: false, status: "joined" as const });
const table = (id: string, number: number, members: ReturnType<typeof member>[]) => ({
  id, number, name: null, created_at: "", members, size: members.length, perspectives_present: 0, over_capacity: false,
});

describe("moveOnBoard", () => {
  const board: SeatingBoard = { size_min: 5, size_max: 8, tables: [table("t1", 1, [member("a"), member("b")]), table("t2", 2, [])], unseated: [member("c")] };
  it("moves a person between tables and pins them", () => {
    const next = moveOnBoard(board, "a", "t2", true);
    expect(next.tables[0]!.members.map((m) => m.id)).toEqual(["b"]);
    expect(next.tables[1]!.members).toMatchObject([{ id: "a", pinned: true }]);
  });
  it("unseats a person and drops the pin", () => {
    const next = moveOnBoard(board, "b", null, true);
    expect(next.unseated.map((m) => m.id)).toEqual(["c", "b"]);
    expect(next.unseated[1]!.pinned).toBe(false);
  });
});
