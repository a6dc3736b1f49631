import type { components } from "@cyd/client";

type S = components["schemas"];
export type Me = S["Me"];
export type SessionPublic = S["SessionPublic"];
export type SessionCreate = S["SessionCreate"];
export type SessionUpdate = S["SessionUpdate"];
export type TimerPublic = S["TimerPublic"];
export type Phase = S["Phase"];
export type PhaseChange = S["PhaseChangePublic"];
export type JoinPreview = S["JoinPreview"];
export type Credentials = S["Credentials"];
export type ParticipantSelf = S["ParticipantSelf"];
export type ParticipantAdmin = S["ParticipantAdmin"];
export type ParticipantCreate = S["ParticipantCreate"];
export type ParticipantUpdate = S["ParticipantUpdate"];
export type ProfileUpdate = S["ProfileUpdate"];
export type IssuedCredentials = S["IssuedCredentials"];
export type ImportResult = S["ImportResult"];
export type CsvRowError = S["CsvRowError"];
export type SessionView = S["SessionView"];
export type SeatingBoard = S["SeatingBoard"];
export type TablePublic = S["TablePublic"];
export type SeatMember = S["SeatMember"];
export type AllocationOutcome = S["AllocationOutcome"];
export type AllocationRun = S["AllocationRunPublic"];
export type AllocationIssue = S["AllocationIssue"];
export type MyTable = S["MyTable"];
export type InvitationPreview = S["InvitationPreview"];
export type OrganisationPublic = S["OrganisationPublic"];
export type Localized = S["LocalizedText"];

export const PHASES: Phase[] = [
  "engage",
  "tables",
  "strengths",
  "perspectives",
  "ideate",
  "reduce",
  "storyboard",
  "pitch",
  "combine",
  "glue",
  "outcomes",
];
export const PERSPECTIVES = ["lived_experience", "service_provider", "academic", "policy", "outlier"] as const;
export const NETWORK_ROLES = ["connector", "maven", "salesperson"] as const;
export const CAPITALS = ["social", "human", "public", "physical", "financial"] as const;
export type Capital = (typeof CAPITALS)[number];

export type Tablemate = S["Tablemate"];
export type IdeaPublic = S["IdeaPublic"];
export type ThemePublic = S["ThemePublic"];
export type TableProgress = S["TableProgress"];
export type PerspectiveStatement = S["PerspectiveStatementPublic"];
export type DrawnPromptCard = S["DrawnPromptCard"];
export type EventEnvelope = S["EventEnvelope"];
export type EventKind = EventEnvelope["kind"];
