import type { Phase } from "../../api/types";
import { PHASES } from "../../api/types";

export type Step = "perspectives" | "ideas" | "board" | "reduce";

export const STEP_PATHS: Record<Step, string> = {
  perspectives: "/me/perspectives",
  ideas: "/me/ideas",
  board: "/me/board",
  reduce: "/me/reduce",
};

/** The translation keys of a step's name and of its "go to" link. */
export function stepLabelKeys(step: Step): { name: string; goTo: string } {
  if (step === "reduce") return { name: "reduction.step", goTo: "reduction.goTo" };
  return { name: `steps.${step}`, goTo: `steps.goTo_${step}` };
}

const at = (phase: Phase) => PHASES.indexOf(phase);

/** The step a participant works on in this phase, if any. */
export function stepFor(phase: Phase | undefined): Step | null {
  if (phase === "perspectives") return "perspectives";
  if (phase === "ideate") return "ideas";
  if (phase === "reduce") return "reduce";
  return null;
}

/** The steps worth linking to in this phase (earlier steps stay readable). */
export function stepsOpen(phase: Phase | undefined): Step[] {
  if (!phase) return [];
  const steps: Step[] = [];
  if (at(phase) >= at("perspectives")) steps.push("perspectives");
  if (phase === "ideate") steps.push("ideas");
  if (at(phase) >= at("ideate")) steps.push("board");
  // Voting, scoring and the choice stay readable after the phase (the board stays for themes).
  if (at(phase) >= at("reduce")) steps.push("reduce");
  return steps;
}
