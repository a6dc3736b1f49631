import { Navigate, useLocation } from "react-router";
import { useMyParticipant, useMySession } from "../../api/participants";
import { Loading } from "../../ui/Status";
import { STEP_PATHS, stepFor } from "./steps";

/** `/me/now`: the screen for the session's current phase (else the table). */
export default function CurrentStep() {
  const me = useMyParticipant();
  const session = useMySession(Boolean(me.data));
  const state = useLocation().state as unknown;
  if (me.isPending || (me.data && session.isPending)) return <Loading />;
  if (!me.data) return <Navigate to="/me/table" replace state={state} />;
  const step = stepFor(session.data?.phase);
  return <Navigate to={step ? STEP_PATHS[step] : "/me/table"} replace state={state} />;
}
