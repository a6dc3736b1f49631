import type { QueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { i18n } from "../i18n";
import { Announcer, type Tally } from "../ui/announcer";
import { dropIdea, dropTheme, progressKey, refreshProgressSoon, upsertIdeas, upsertTheme } from "./ideas";
import { addDrawnCard, statementsKey } from "./perspectives";
import { JOURNEY_KINDS, applyJourneyEventForParticipant } from "./journeyEvents";
import { applyReductionEvent, reductionKey } from "./reduction";
import type { EventEnvelope, EventKind, SessionView } from "./types";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline";

/** Every kind a participant's stream may carry (named SSE events need one listener each). */
const KINDS: EventKind[] = [
  "hello",
  "reset",
  "idea.created",
  "idea.updated",
  "idea.combined",
  "idea.hidden",
  "theme.created",
  "theme.updated",
  "theme.deleted",
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
  ...JOURNEY_KINDS,
];

const sessionKey = ["participant", "session"] as const;
const tableKey = ["participant", "table"] as const;

export interface LiveContext {
  meId: string;
  tableId: string | null;
  /** The announcer to count things worth saying aloud (others' ideas, a new phase ...). */
  announcer?: Announcer;
}

/** Brings the caches up to date with one event. Returns nothing; pure apart from `qc`. */
export function applyEvent(qc: QueryClient, event: EventEnvelope, ctx: LiveContext): void {
  const say = (kind: string, n = 1) => ctx.announcer?.count(kind, n);
  switch (event.kind) {
    case "hello":
      // A fresh stream starts at "now": whatever was fetched before it opened may have missed
      // changes made in between, so it is fetched again (once per fresh connection).
      void qc.invalidateQueries({ queryKey: ["participant"], predicate: (q) => q.queryKey[1] !== "me" && q.state.dataUpdatedAt > 0 });
      return;
    case "reset":
      void qc.invalidateQueries({ queryKey: ["participant"] });
      return;
    case "idea.created": {
      const idea = event.payload.idea;
      upsertIdeas(qc, [idea]);
      refreshProgressSoon(qc);
      if (idea.entered_by_participant_id !== ctx.meId) say("ideas");
      return;
    }
    case "idea.updated":
      upsertIdeas(qc, [event.payload.idea]);
      refreshProgressSoon(qc);
      return;
    case "idea.combined":
      upsertIdeas(qc, [event.payload.idea, ...event.payload.parents]);
      refreshProgressSoon(qc);
      if (event.payload.idea.entered_by_participant_id !== ctx.meId) say("combined");
      return;
    case "idea.hidden":
      dropIdea(qc, event.payload.idea_id);
      refreshProgressSoon(qc);
      return;
    case "theme.created":
    case "theme.updated":
      upsertTheme(qc, event.payload.theme);
      return;
    case "theme.deleted":
      dropTheme(qc, event.payload.theme_id);
      return;
    case "perspective.stated":
      void qc.invalidateQueries({ queryKey: statementsKey });
      if (event.payload.author_id !== ctx.meId) say("statements");
      return;
    case "prompt.drawn":
      addDrawnCard(qc, event.payload.card);
      if (event.payload.card.drawn_by_id !== ctx.meId) say("prompt");
      return;
    case "phase.changed":
      qc.setQueryData<SessionView>(sessionKey, (old) => (old ? { ...old, phase: event.payload.to_phase } : old));
      void qc.invalidateQueries({ queryKey: sessionKey });
      void qc.invalidateQueries({ queryKey: reductionKey });
      say(`phase:${event.payload.to_phase}`);
      return;
    case "timer.changed":
      qc.setQueryData<SessionView>(sessionKey, (old) => (old ? { ...old, timer: event.payload.timer } : old));
      return;
    case "seat.changed": {
      const moves = event.payload.moves;
      if (moves.some((m) => m.participant_id === ctx.meId)) {
        // I moved: everything about "my table" is different now.
        void qc.invalidateQueries({ queryKey: ["participant"] });
      } else if (ctx.tableId && moves.some((m) => m.from_table_id === ctx.tableId || m.to_table_id === ctx.tableId)) {
        void qc.invalidateQueries({ queryKey: tableKey });
        void qc.invalidateQueries({ queryKey: progressKey });
        void qc.invalidateQueries({ queryKey: statementsKey });
      }
      return;
    }
    case "vote.tallied":
    case "score.recorded":
    case "choice.proposed":
    case "choice.made":
    case "reduction.agreed":
    case "reduction.agreement_withdrawn":
    case "reduction.stage_changed":
    case "reduction.settings_changed": {
      const spoken = applyReductionEvent(qc, event);
      if (spoken) say(spoken);
      return;
    }
    default:
      applyJourneyEventForParticipant(qc, event);
      return;
  }
}

/** The spoken summary of what happened since the last one, in the UI language. */
export function composeAnnouncement(tally: Tally): string {
  const t = i18n.t.bind(i18n);
  const parts: string[] = [];
  for (const kind of Object.keys(tally)) {
    if (kind.startsWith("phase:")) parts.push(t("live.phaseChanged", { phase: t(`phases.${kind.slice(6)}`) }));
  }
  for (const kind of Object.keys(tally)) {
    if (kind.startsWith("reduction:stage:")) parts.push(t(`reduction.live.stage_${kind.slice(16)}`));
  }
  if (tally.ideas) parts.push(t("live.newIdeas", { count: tally.ideas }));
  if (tally.combined) parts.push(t("live.combined", { count: tally.combined }));
  if (tally.statements) parts.push(t("live.statements", { count: tally.statements }));
  if (tally.prompt) parts.push(t("live.prompt", { count: tally.prompt }));
  return parts.join(" ");
}

export const announcer = new Announcer(composeAnnouncement);

/* The connection itself */

type Listener = () => void;

/**
 * One EventSource to `/api/v1/me/events`. The browser reconnects by itself after a drop and
 * sends Last-Event-ID; when it gives up (an HTTP error closes the stream) we open a new one
 * with `?last_event_id=` and a growing delay, so that missed events are still replayed.
 */
export class LiveConnection {
  private source: EventSource | null = null;
  private state: ConnectionState = "connecting";
  private lastSeq: number | null = null;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly qc: QueryClient,
    private ctx: LiveContext,
    private readonly onState: (state: ConnectionState) => void,
    private readonly url = "/api/v1/me/events",
  ) {}

  setContext(ctx: LiveContext) {
    this.ctx = ctx;
  }

  private set(state: ConnectionState) {
    if (this.state === state) return;
    this.state = state;
    this.onState(state);
  }

  start(): void {
    if (typeof EventSource === "undefined") return;
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
  }

  private onOnline = () => {
    // A short drop can leave the stream open: then it is simply live again.
    if (this.source?.readyState === EventSource.OPEN) return this.set("connected");
    this.retries = 0;
    this.reopen(0);
  };

  private onOffline = () => this.set("offline");

  private open(): void {
    if (this.stopped) return;
    const url = this.lastSeq === null ? this.url : `${this.url}?last_event_id=${this.lastSeq}`;
    const source = new EventSource(url, { withCredentials: true });
    this.source = source;
    source.onopen = () => {
      this.retries = 0;
      this.set("connected");
    };
    source.onerror = () => {
      if (typeof navigator !== "undefined" && navigator.onLine === false) this.set("offline");
      else this.set("reconnecting");
      if (source.readyState === EventSource.CLOSED) this.reopen(Math.min(30_000, 1000 * 2 ** this.retries++));
    };
    for (const kind of KINDS) source.addEventListener(kind, this.onEvent);
  }

  private reopen(delay: number): void {
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private onEvent = (message: MessageEvent<string>) => {
    let event: EventEnvelope;
    try {
      event = JSON.parse(message.data) as EventEnvelope;
    } catch {
      return;
    }
    if (typeof event.seq === "number") this.lastSeq = event.seq;
    applyEvent(this.qc, event, this.ctx);
  };
}

let live: LiveConnection | null = null;
let liveState: ConnectionState | null = null;
const stateListeners = new Set<Listener>();

function publishState(state: ConnectionState | null) {
  liveState = state;
  for (const l of stateListeners) l();
}

/** Opens the participant's stream; returns the function that closes it. */
export function startLive(qc: QueryClient, ctx: LiveContext): () => void {
  live?.stop();
  const connection = new LiveConnection(qc, { ...ctx, announcer }, publishState);
  live = connection;
  publishState("connecting");
  connection.start();
  return () => {
    connection.stop();
    if (live === connection) {
      live = null;
      publishState(null);
    }
  };
}

export function updateLiveContext(ctx: LiveContext): void {
  live?.setContext({ ...ctx, announcer });
}

/** connected / reconnecting / offline, or null when no stream is open. */
export function useConnectionState(): ConnectionState | null {
  return useSyncExternalStore(
    (l) => {
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
    () => liveState,
    () => null,
  );
}
