import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./Button";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  if (typeof navigator === "undefined" || !navigator.clipboard) return null;
  return (
    <>
      <Button
        variant="secondary"
        aria-label={label}
        onClick={() =>
          void navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t("common.copy")}
      </Button>
      <span role="status" className="muted copy-status">
        {copied ? t("common.copied") : ""}
      </span>
    </>
  );
}
