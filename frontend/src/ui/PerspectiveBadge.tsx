import { useTranslation } from "react-i18next";
import { PERSPECTIVES } from "../api/types";

/** A perspective as a coloured, labelled badge (colour is never the only cue). */
export function PerspectiveBadge({ perspective, hiddenLabel }: { perspective: string | null | undefined; hiddenLabel?: boolean }) {
  const { t } = useTranslation();
  if (!perspective) {
    return <span className="badge badge--none">{hiddenLabel ? t("perspectives.hidden") : t("perspectives.none")}</span>;
  }
  const builtin = (PERSPECTIVES as readonly string[]).includes(perspective);
  return <span className={`badge badge--${builtin ? perspective : "none"}`}>{builtin ? t(`perspectives.${perspective}`) : perspective}</span>;
}
