import { createContext, useContext } from "react";
import { MY_TABLE, type StoryboardTarget } from "../../api/storyboards";

/** Whose storyboard the editor below writes: the participant's table by default, or the table a
 * facilitator opened (the same editor, the facilitators' endpoints). */
export const StoryboardTargetContext = createContext<StoryboardTarget>(MY_TABLE);

export function useStoryboardTarget(): StoryboardTarget {
  return useContext(StoryboardTargetContext);
}
