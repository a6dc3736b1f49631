import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { problemMessage } from "../api/problem";

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t("common.loading")}
    </p>
  );
}

export function Notice({ tone = "info", children, live }: { tone?: "info" | "success" | "warning" | "error"; children: ReactNode; live?: boolean }) {
  return (
    <div className={`notice notice--${tone}`} role={live ? (tone === "error" ? "alert" : "status") : undefined}>
      {children}
    </div>
  );
}

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error" live>
      {problemMessage(t, error)}
    </Notice>
  );
}
