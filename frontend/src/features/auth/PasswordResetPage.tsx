import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRequestReset } from "../../api/auth";
import { email, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { Notice } from "../../ui/Status";
import { useForm } from "../../ui/useForm";

export default function PasswordResetPage() {
  const { t } = useTranslation();
  const reset = useRequestReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ email: "" }, { email: [required, email] }, { idPrefix: "reset" });

  return (
    <Page title={t("auth.resetTitle")} lead={t("auth.resetLead")}>
      {sentTo && (
        <Notice tone="success" live>
          <p>{t("auth.resetSent", { email: sentTo })}</p>
        </Notice>
      )}
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          const address = form.values.email.trim();
          reset.mutate(address, { onSuccess: () => setSentTo(address), onError: form.showServerError });
        }}
      >
        <TextField {...form.field("email")} type="email" label={t("auth.email")} autoComplete="email" spellCheck={false} required />
        <Button type="submit" disabled={reset.isPending}>
          {t("auth.resetSubmit")}
        </Button>
      </form>
    </Page>
  );
}
