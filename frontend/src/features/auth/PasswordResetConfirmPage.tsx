import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useConfirmReset } from "../../api/auth";
import { maxLength, minLength, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { Notice } from "../../ui/Status";
import { useForm } from "../../ui/useForm";
import { tokenFromLocation } from "../participants/RejoinPage";
import { PASSWORD_MIN } from "./SignUpPage";

export default function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [token] = useState(() => tokenFromLocation(location.hash, location.search));
  const confirm = useConfirmReset();
  const form = useForm({ password: "" }, { password: [required, minLength(PASSWORD_MIN), maxLength(200)] }, { idPrefix: "reset" });

  if (!token) {
    return (
      <Page title={t("auth.resetConfirmTitle")}>
        <Notice tone="error">
          <p>{t("auth.missingToken")}</p>
        </Notice>
        <Link to="/password-reset">{t("auth.resetTitle")}</Link>
      </Page>
    );
  }
  if (confirm.isSuccess) {
    return (
      <Page title={t("auth.resetConfirmTitle")}>
        <Notice tone="success" live>
          <p>{t("auth.resetDone")}</p>
        </Notice>
        <Link className="button button--primary" to="/signin">
          {t("auth.signInSubmit")}
        </Link>
      </Page>
    );
  }
  return (
    <Page title={t("auth.resetConfirmTitle")}>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          confirm.mutate({ token, password: form.values.password }, { onError: form.showServerError });
        }}
      >
        <TextField {...form.field("password")} type="password" label={t("auth.newPassword")} hint={t("auth.passwordHint", { count: PASSWORD_MIN })} autoComplete="new-password" required />
        <Button type="submit" disabled={confirm.isPending}>
          {t("auth.resetConfirmSubmit")}
        </Button>
      </form>
    </Page>
  );
}
