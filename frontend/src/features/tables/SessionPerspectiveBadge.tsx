import { PerspectiveBadge } from "../../ui/PerspectiveBadge";

/** A perspective badge that names the organisation's own perspectives by their label. */
export function SessionPerspectiveBadge({ perspective, customLabels }: { perspective: string | null | undefined; customLabels: ReadonlyMap<string, string> }) {
  const custom = perspective ? customLabels.get(perspective) : undefined;
  if (custom) return <span className="badge badge--none">{custom}</span>;
  return <PerspectiveBadge perspective={perspective} />;
}
