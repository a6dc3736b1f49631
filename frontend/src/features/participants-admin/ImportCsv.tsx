import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useImportCsv } from "../../api/participants";
import { ApiError, problemMessage } from "../../api/problem";
import type { CsvRowError, ImportResult } from "../../api/types";
import { Button } from "../../ui/Button";
import { FieldShell } from "../../ui/Field";
import { Notice } from "../../ui/Status";

const MAX_BYTES = 1024 * 1024;

function rowErrors(error: unknown): CsvRowError[] {
  if (!(error instanceof ApiError) || error.code !== "csv_invalid") return [];
  return (error.fieldProblems as unknown as CsvRowError[]).filter((e) => typeof e.message === "string");
}

/** Import people from a CSV file: check first (dry run), then import; every bad row is listed. */
export function ImportCsv({ sessionId, disabled }: { sessionId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [result, setResult] = useState<ImportResult | null>(null);
  const importer = useImportCsv(sessionId);
  const rows = rowErrors(importer.error);

  async function send(dryRun: boolean) {
    setResult(null);
    importer.reset();
    const file = input.current?.files?.[0];
    if (!file) return setFileError(t("validation.required"));
    if (file.size > MAX_BYTES) return setFileError(t("problems.csv_too_large"));
    setFileError(undefined);
    const csv = await file.text();
    importer.mutate({ csv, dryRun }, { onSuccess: setResult });
  }

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t("participantsAdmin.importHeading")}</h2>
      <FieldShell id="import-file" label={t("participantsAdmin.importFile")} hint={t("participantsAdmin.importHint")} error={fileError}>
        {(describedBy) => (
          <input
            ref={input}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className="input"
            aria-describedby={describedBy}
            aria-invalid={fileError ? true : undefined}
            onChange={() => {
              setResult(null);
              importer.reset();
            }}
          />
        )}
      </FieldShell>
      <div className="actions">
        <Button variant="secondary" disabled={disabled || importer.isPending} onClick={() => void send(true)}>
          {t("participantsAdmin.importCheck")}
        </Button>
        <Button disabled={disabled || importer.isPending} onClick={() => void send(false)}>
          {t("participantsAdmin.importSubmit")}
        </Button>
      </div>
      <div aria-live="polite">
        {result && (
          <Notice tone="success">
            <p>
              {result.dry_run
                ? t("participantsAdmin.importChecked", { count: result.count })
                : t("participantsAdmin.imported", { count: result.count })}
            </p>
          </Notice>
        )}
      </div>
      {importer.isError && (
        <div role="alert" className="notice notice--error">
          <p>{problemMessage(t, importer.error)}</p>
          {rows.length > 0 && (
            <>
              <h3>{t("participantsAdmin.errorsHeading")}</h3>
              <ul data-testid="csv-errors">
                {rows.map((r, i) => (
                  <li key={i}>
                    {r.row != null && r.column
                      ? t("participantsAdmin.rowError", { row: r.row, column: r.column, message: r.message })
                      : r.row != null
                        ? t("participantsAdmin.rowErrorNoColumn", { row: r.row, message: r.message })
                        : t("participantsAdmin.fileError", { message: r.message })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
