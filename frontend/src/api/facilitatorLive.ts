import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { i18n } from "../i18n";
import { Announcer, type Tally } from "../ui/announcer";
import { dashKeys, invalidateSoon, markHidden, upsertSessionIdeas, type SessionProgress } from "./dashboard";
import { JOURNEY_KINDS, applyJourneyEventForFacilitator } from "./journeyEvents";
import { sessionKey } from "./sessions";
import type { EventEnvelope, SessionPublic } from "./types";

/* The facilitator's stream of everything in a session: `/api/v1/sessions/{id}/events`. */

export type StreamState = "connecting" | "connected" | "reconnecting";

/** Named SSE events need one listener each: every kind a facilitator may receive. */
export const FACILITATOR_KINDS = [
  "hello",
  "reset",
  "idea.created",
  "idea.updated",
  "idea.combined",
  "idea.hidden",
  "theme.created",
  "theme.updated",
  "theme.deleted",
  "flag.raised",
  "flag.resolved",
  "perspective.stated",
  "prompt.drawn",
  "phase.changed",
  "timer.changed",
  "seat.changed",
  "presence.changed",
  "vote.tallied",
  "score.recorded",
  "choice.proposed",
  "choice.made",
  "reduction.agreed",
  "reduction.agreement_withdrawn",
  "reduction.stage_changed",
  "reduction.settings_changed",
  "participant.access_ended",
  "feedback.received",
  ...JOURNEY_KINDS,
] as const;

/** "Table 4" for a table id, from the progress already fetched. */
function tableNumber(qc: QueryClient, sid: string, tableId: string | null | undefined): number | null {
  if (!tableId) return null;
  const progress = qc.getQueryData<SessionProgress>(dashKeys.progress(sid));
  return progress?.tables.find((t) => t.table_id === tableId)?.number ?? null;
}

/** Brings the dashboard's caches up to date with one event, and counts what is worth saying. */
export function applyFacilitatorEvent(qc: QueryClient, sid: string, event: EventEnvelope, announcer?: Announcer): void {
  const say = (kind: string, n = 1) => announcer?.count(kind, n);
  const tableReduction = (tableId: string | null | undefined) => {
    if (tableId) invalidateSoon(qc, dashKeys.tableReduction(sid, tableId), 800);
  };
  switch (event.kind) {
    case "hello":
      // Whatever was fetched before the stream opened may have missed changes made in between.
      void qc.invalidateQueries({ queryKey: dashKeys.all(sid), predicate: (q) => q.state.dataUpdatedAt > 0 });
      return;
    case "reset":
      void qc.invalidateQueries({ queryKey: dashKeys.all(sid) });
      void qc.invalidateQueries({ queryKey: sessionKey(sid) });
      return;
    case "idea.created":
      upsertSessionIdeas(qc, sid, [event.payload.idea]);
      invalidateSoon(qc, dashKeys.progress(sid));
      invalidateSoon(qc, dashKeys.timeline(sid));
      tableReduction(event.payload.idea.table_id);
      say("ideas");
      return;
    case "idea.updated":
      upsertSessionIdeas(qc, sid, [event.payload.idea]);
      invalidateSoon(qc, dashKeys.progress(sid));
      // An unhidden idea counts again.
      invalidateSoon(qc, dashKeys.timeline(sid));
      return;
    case "idea.combined":
      upsertSessionIdeas(qc, sid, [event.payload.idea, ...event.payload.parents]);
      invalidateSoon(qc, dashKeys.progress(sid));
      return;
    case "idea.hidden":
      markHidden(qc, sid, event.payload.idea_id);
      invalidateSoon(qc, dashKeys.progress(sid));
      invalidateSoon(qc, dashKeys.timeline(sid));
      void qc.invalidateQueries({ queryKey: dashKeys.moderation(sid, event.payload.idea_id) });
      return;
    case "flag.raised":
      void qc.invalidateQueries({ queryKey: dashKeys.flags(sid) });
      say("flags");
      return;
    case "flag.resolved":
      void qc.invalidateQueries({ queryKey: dashKeys.flags(sid) });
      return;
    case "phase.changed":
      qc.setQueryData<SessionPublic>(sessionKey(sid), (old) => (old ? { ...old, phase: event.payload.to_phase } : old));
      void qc.invalidateQueries({ queryKey: sessionKey(sid) });
      say(`phase:${event.payload.to_phase}`);
      return;
    case "timer.changed":
      qc.setQueryData<SessionPublic>(sessionKey(sid), (old) => (old ? { ...old, timer: { ...old.timer, ...event.payload.timer } } : old));
      return;
    case "seat.changed":
      void qc.invalidateQueries({ queryKey: dashKeys.progress(sid) });
      void qc.invalidateQueries({ queryKey: dashKeys.reduction(sid) });
      return;
    case "presence.changed": {
      // Who is present is the server's call (a live stream, or a request in the last minutes):
      // the progress (present counts) and the table's state are refetched rather than counting
      // streams here.
      invalidateSoon(qc, dashKeys.progress(sid));
      let tableId = event.table_id;
      if (!tableId) {
        const progress = qc.getQueryData<SessionProgress>(dashKeys.progress(sid));
        tableId = progress?.tables.find((t) => t.members.some((m) => m.participant_id === event.payload.participant_id))?.table_id ?? null;
      }
      tableReduction(tableId);
      return;
    }
    case "vote.tallied":
    case "score.recorded":
    case "choice.proposed":
    case "reduction.agreed":
    case "reduction.agreement_withdrawn":
      tableReduction(event.payload.table_id);
      return;
    case "reduction.stage_changed":
      tableReduction(event.payload.table_id);
      invalidateSoon(qc, dashKeys.reduction(sid), 500);
      return;
    case "choice.made": {
      tableReduction(event.payload.table_id);
      invalidateSoon(qc, dashKeys.reduction(sid), 500);
      const n = tableNumber(qc, sid, event.payload.table_id);
      say(n === null ? "chose" : `chose:${n}`);
      return;
    }
    case "reduction.settings_changed":
      void qc.invalidateQueries({ queryKey: dashKeys.settings(sid) });
      return;
    default:
      applyJourneyEventForFacilitator(qc, sid, event);
      return;
  }
}

/** "12 new ideas; table 4 chose an idea; 1 new safeguarding flag." in the UI language. */
export function composeDashboardAnnouncement(tally: Tally): string {
  const t = i18n.t.bind(i18n);
  const parts: string[] = [];
  for (const kind of Object.keys(tally)) {
    if (kind.startsWith("phase:")) parts.push(t("liveDashboard.say.phase", { phase: t(`phases.${kind.slice(6)}`) }));
  }
  if (tally.flags) parts.push(t("liveDashboard.say.flags", { count: tally.flags }));
  if (tally.ideas) parts.push(t("liveDashboard.say.ideas", { count: tally.ideas }));
  const chose = Object.keys(tally)
    .filter((k) => k.startsWith("chose:"))
    .map((k) => Number(k.slice(6)))
    .sort((a, b) => a - b);
  if (chose.length === 1) parts.push(t("liveDashboard.say.choseOne", { table: chose[0] }));
  else if (chose.length > 1) parts.push(t("liveDashboard.say.choseMany", { tables: chose.join(", ") }));
  if (tally.chose) parts.push(t("liveDashboard.say.chose", { n: tally.chose }));
  return parts.length ? `${parts.join("; ")}.` : "";
}

/** One summary at most every 10 seconds. */
export const dashboardAnnouncer = new Announcer(composeDashboardAnnouncement, 10_000, 2_000);

/**
 * One EventSource per open dashboard. The browser reconnects by itself (sending Last-Event-ID);
 * when it gives up, a new one is opened with `?last_event_id=` after a growing delay.
 */
export class FacilitatorStream {
  private source: EventSource | null = null;
  private lastSeq: number | null = null;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly qc: QueryClient,
    private readonly sid: string,
    private readonly onState: (state: StreamState) => void,
    private readonly announcer?: Announcer,
  ) {}

  get url(): string {
    const base = `/api/v1/sessions/${encodeURIComponent(this.sid)}/events`;
    return this.lastSeq === null ? base : `${base}?last_event_id=${this.lastSeq}`;
  }

  start(): void {
    if (typeof EventSource === "undefined") return;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
  }

  private open(): void {
    if (this.stopped) return;
    const source = new EventSource(this.url, { withCredentials: true });
    this.source = source;
    source.onopen = () => {
      this.retries = 0;
      this.onState("connected");
    };
    source.onerror = () => {
      this.onState("reconnecting");
      if (source.readyState === EventSource.CLOSED) {
        clearTimeout(this.retryTimer);
        source.close();
        this.retryTimer = setTimeout(() => this.open(), Math.min(30_000, 1000 * 2 ** this.retries++));
      }
    };
    for (const kind of FACILITATOR_KINDS) source.addEventListener(kind, this.onEvent);
  }

  private onEvent = (message: MessageEvent<string>) => {
    let event: EventEnvelope;
    try {
      event = JSON.parse(message.data) as EventEnvelope;
    } catch {
      return;
    }
    if (typeof event.seq === "number") this.lastSeq = event.seq;
    applyFacilitatorEvent(this.qc, this.sid, event, this.announcer);
  };
}

/** Opens the session's stream while the component is mounted; returns its state. */
export function useFacilitatorStream(sid: string): StreamState {
  const qc = useQueryClient();
  const [state, setState] = useState<StreamState>("connecting");
  useEffect(() => {
    setState("connecting");
    const stream = new FacilitatorStream(qc, sid, setState, dashboardAnnouncer);
    stream.start();
    return () => stream.stop();
  }, [qc, sid]);
  return state;
}
