import { useTranslation } from "react-i18next";
import { PublicOffers } from "./PublicOffers";
import { PublicPitchView } from "./PublicPitchView";
import { PublicStoryboardView } from "./PublicStoryboardView";
import type { PublicTable } from "./usePublicInitiatives";

/** One table's journey as published: the idea it chose, its storyboard, its pitch and the help
 *  other tables offered. */
export function PublicTableCard({ table }: { table: PublicTable }) {
  const { t } = useTranslation();
  const idPrefix = `table-${table.number}`;
  return (
    <li className="card public-table" data-testid="public-table">
      <h3 id={`${idPrefix}-heading`}>{table.name || t("publishing.public.table", { number: table.number })}</h3>
      <p className="muted">{t("publishing.public.ideaCount", { count: table.idea_count })}</p>
      {table.chosen_idea === null && <p>{t("publishing.public.notChosen")}</p>}
      {table.chosen_idea?.withheld && <p>{t("publishing.public.withheld")}</p>}
      {table.chosen_idea?.text && (
        <blockquote className="public-table__idea">
          <p>{table.chosen_idea.text}</p>
        </blockquote>
      )}
      {table.storyboard && <PublicStoryboardView storyboard={table.storyboard} idPrefix={idPrefix} />}
      {table.pitch && <PublicPitchView pitch={table.pitch} idPrefix={idPrefix} />}
      {table.pitch && <PublicOffers offers={table.offers} idPrefix={idPrefix} />}
    </li>
  );
}
