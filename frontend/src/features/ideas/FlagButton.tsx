import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";

// The dialog (React Aria) loads when first opened, so the capture screen stays light.
const FlagDialog = lazy(() => import("./FlagDialog"));

/** The discreet "Tell a facilitator privately" action at the foot of a participant's step. */
export function FlagButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <p className="flag-link">
        <Button variant="quiet" onClick={() => setOpen(true)}>
          {t("flag.action")}
        </Button>
      </p>
      {open && (
        <Suspense fallback={null}>
          <FlagDialog isOpen onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
