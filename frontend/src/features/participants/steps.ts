import type { Phase } from "../../api/types";
import { PHASES } from "../../api/types";

export type Step = "perspectives" | "ideas" | "board" | "reduce" | "storyboard" | "pitch" | "combine" | "feedback";

export const STEP_PATHS: Record<Step, string> = {
  feedback: "/me/feedback",
  perspectives: "/me/perspectives",
  ideas: "/me/ideas",
  board: "/me/board",
  reduce: "/me/reduce",
  storyboard: "/me/storyboard",
  pitch: "/me/pitch",
  combine: "/me/combine",
};

/** The translation keys of a step's name and of its "go to" link. */
export function stepLabelKeys(step: Step): { name: string; goTo: string } {
  if (step === "reduce") return { name: "reduction.step", goTo: "reduction.goTo" };
  if (step === "feedback") return { name: "feedback.step", goTo: "feedback.goTo" };
  if (step === "storyboard") return { name: "storyboards.step", goTo: "storyboards.goTo" };
  if (step === "pitch") return { name: "pitches.step", goTo: "pitches.goTo" };
  if (step === "combine") return { name: "combinations.step", goTo: "combinations.goTo" };
  return { name: `steps.${step}`, goTo: `steps.goTo_${step}` };
}

const at = (phase: Phase) => PHASES.indexOf(phase);

/** The step a participant works on in this phase, if any. */
export function stepFor(phase: Phase | undefined): Step | null {
  if (phase === "perspectives") return "perspectives";
  if (phase === "ideate") return "ideas";
  if (phase === "reduce") return "reduce";
  if (phase === "storyboard") return "storyboard";
  if (phase === "glue" || phase === "outcomes") return "feedback";
  if (phase === "pitch") return "pitch";
  if (phase === "combine") return "combine";
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
  // The storyboard stays readable (and is writable through pitch and combine).
  if (at(phase) >= at("storyboard")) steps.push("storyboard");
  // The pitch (and its responses) and combinations stay readable afterwards.
  if (at(phase) >= at("pitch")) steps.push("pitch");
  if (at(phase) >= at("combine")) steps.push("combine");
  // Feedback on the session itself opens in the glue phase and stays open.
  if (at(phase) >= at("glue")) steps.push("feedback");
  return steps;
}
