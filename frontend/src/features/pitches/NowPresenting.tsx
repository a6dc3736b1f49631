import { useTranslation } from "react-i18next";
import { useMyPresenter } from "../../api/pitches";

/** "Now presenting: table 3 (2 of 14)" on a participant's phone while presenter mode runs. */
export function NowPresenting({ myTableId }: { myTableId: string | null | undefined }) {
  const { t } = useTranslation();
  const presenter = useMyPresenter(Boolean(myTableId));
  const state = presenter.data;
  const on = state?.running && state.table;
  return (
    <p className={on ? "now-presenting" : "visually-hidden"} role="status" data-testid="now-presenting">
      {on && state.table
        ? state.table.id === myTableId
          ? t("pitches.nowPresentingYours")
          : t("pitches.nowPresenting", { number: state.table.number, position: state.position, total: state.total })
        : ""}
    </p>
  );
}
