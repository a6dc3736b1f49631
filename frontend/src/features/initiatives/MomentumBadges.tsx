import { useTranslation } from "react-i18next";

/** "3 overdue" and "quiet" badges; nothing when all is well. */
export function MomentumBadges({ overdue, quiet }: { overdue: number; quiet: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {overdue > 0 && <span className="badge badge--lived_experience">{t("initiatives.overdue", { count: overdue })}</span>}{" "}
      {quiet && <span className="badge badge--none">{t("initiatives.quiet")}</span>}
    </>
  );
}
