import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { useAcceptInvitation, useInvitationPreview } from "../../api/auth";
import { currentLanguage } from "../../i18n";
import { maxLength, minLength, required, type Rules } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { useForm } from "../../ui/useForm";
import { tokenFromLocation } from "../participants/RejoinPage";
import { PASSWORD_MIN } from "./SignUpPage";

type F = "name" | "password";

export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromLocation(location.hash, location.search) ?? "");
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const needsAccount = preview.data ? !preview.data.account_exists : false;
  const rules: Rules<F> = needsAccount ? { name: [required, maxLength(120)], password: [required, minLength(PASSWORD_MIN), maxLength(200)] } : {};
  const form = useForm<F>({ name: "", password: "" }, rules, { idPrefix: "invite" });

  if (!token) {
    return (
      <Page title={t("auth.inviteTitle")}>
        <Notice tone="error">
          <p>{t("auth.missingToken")}</p>
        </Notice>
      </Page>
    );
  }
  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <Page title={t("auth.inviteTitle")}>
        <ErrorNotice error={preview.error} />
      </Page>
    );
  }
  const inv = preview.data;
  const role = inv.role === "owner" ? t("auth.roleOwner") : t("auth.roleFacilitator");

  return (
    <Page title={t("auth.inviteTitle")} lead={t("auth.inviteLeadNoInviter", { organisation: inv.organisation_name, role })}>
      <p>{needsAccount ? t("auth.inviteNewAccount") : t("auth.inviteExisting", { email: inv.email })}</p>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          const extra = needsAccount ? { name: form.values.name.trim(), password: form.values.password } : {};
          accept.mutate({ token, locale: currentLanguage(), ...extra }, { onSuccess: () => navigate("/dashboard"), onError: form.showServerError });
        }}
      >
        {needsAccount && (
          <>
            <TextField {...form.field("name")} label={t("auth.name")} autoComplete="name" required />
            <TextField {...form.field("password")} type="password" label={t("auth.password")} hint={t("auth.passwordHint", { count: PASSWORD_MIN })} autoComplete="new-password" required />
          </>
        )}
        <Button type="submit" disabled={accept.isPending}>
          {t("auth.inviteSubmit")}
        </Button>
      </form>
    </Page>
  );
}
