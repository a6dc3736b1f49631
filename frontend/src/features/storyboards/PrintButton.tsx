import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";

/** Prints the page; the storyboard's print stylesheet leaves out navigation and controls. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()} data-testid="print-storyboard">
      {t("storyboards.print")}
    </Button>
  );
}
