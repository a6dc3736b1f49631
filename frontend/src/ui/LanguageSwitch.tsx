import { useTranslation } from "react-i18next";
import { changeLanguage, currentLanguage } from "../i18n";

/** One button that switches between English and Welsh; the choice is remembered. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = currentLanguage() === "cy" ? "en" : "cy";
  return (
    <button
      type="button"
      className="button button--quiet lang-switch"
      lang={other}
      onClick={() => void changeLanguage(other)}
      data-current={i18n.language}
    >
      {t("nav.switchTo")}
    </button>
  );
}
