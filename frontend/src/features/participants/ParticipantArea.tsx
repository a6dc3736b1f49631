import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Outlet } from "react-router";
import { announcer, startLive, updateLiveContext } from "../../api/live";
import { useMyParticipant } from "../../api/participants";
import { useAnnouncement } from "../../ui/announcer";
import { startIdeaQueue } from "../ideas/useIdeaQueue";

/**
 * The participant's screens: while someone is signed in, the live stream and the outbox of
 * ideas run here (whatever screen they are on), and one polite live region speaks summaries.
 */
export default function ParticipantArea() {
  const qc = useQueryClient();
  const me = useMyParticipant();
  const meId = me.data?.id;
  const tableId = me.data?.table_id ?? null;

  useEffect(() => {
    if (!meId) return;
    return startLive(qc, { meId, tableId });
    // The stream follows the person; a new table is picked up from the events themselves.
  }, [qc, meId]);

  useEffect(() => {
    if (meId) updateLiveContext({ meId, tableId });
  }, [meId, tableId]);

  useEffect(() => (meId ? startIdeaQueue(qc, meId) : undefined), [qc, meId]);

  return (
    <>
      <Outlet />
      <LiveRegion />
    </>
  );
}

function LiveRegion() {
  const message = useAnnouncement(announcer);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {message}
    </div>
  );
}
