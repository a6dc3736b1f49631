import { forwardRef } from "react";
import { useTranslation } from "react-i18next";

export interface SummaryItem {
  fieldId?: string;
  message: string;
}

/** The list of problems shown above a form after a failed submit; focused and announced. */
export const ErrorSummary = forwardRef<HTMLDivElement, { items: SummaryItem[] }>(function ErrorSummary({ items }, ref) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t("form.problemTitle")}
      </h2>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(item.fieldId!)?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
