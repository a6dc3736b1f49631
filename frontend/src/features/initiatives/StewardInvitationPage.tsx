import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useMe } from "../../api/auth";
import { useAcceptStewardInvitation, useStewardInvitationPreview } from "../../api/initiatives";
import { problemMessage } from "../../api/problem";
import { currentLanguage } from "../../i18n";
import { email, maxLength, minLength, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { useForm } from "../../ui/useForm";
import { PASSWORD_MIN } from "../auth/SignUpPage";
import { forgetInvitationToken, takeInvitationToken } from "./invitationToken";

type F = "name" | "email" | "password";
const ACCEPT_PATH = "/steward-invitation";

/** Accept an invitation to steward an initiative: signed in, or by creating an account here. */
export default function StewardInvitationPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => takeInvitationToken(location.hash, location.search));
  const me = useMe();
  const preview = useStewardInvitationPreview(token);
  const accept = useAcceptStewardInvitation();
  const form = useForm<F>(
    { name: "", email: "", password: "" },
    { name: [required, maxLength(120)], email: [required, email], password: [required, minLength(PASSWORD_MIN), maxLength(200)] },
    { idPrefix: "steward-accept" },
  );
  const title = t("initiatives.acceptTitle");

  if (!token) {
    return (
      <Page title={title}>
        <Notice tone="error">
          <p>{t("initiatives.acceptNoToken")}</p>
        </Notice>
      </Page>
    );
  }
  if (preview.isPending || me.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <Page title={title}>
        <ErrorNotice error={preview.error} />
      </Page>
    );
  }
  const inv = preview.data;
  const done = (initiativeId: string) => {
    forgetInvitationToken();
    navigate(`/initiatives/${initiativeId}`);
  };
  const lead = t("initiatives.acceptLead", { organisation: inv.organisation_name, initiative: inv.initiative_title, role: inv.role_label });

  if (me.data) {
    return (
      <Page title={title} lead={lead}>
        <p>{t("initiatives.acceptAs", { name: me.data.user.name })}</p>
        {accept.isError && (
          <Notice tone="error" live>
            <p>{problemMessage(t, accept.error)}</p>
          </Notice>
        )}
        <Button disabled={accept.isPending} onClick={() => accept.mutate({ token, locale: currentLanguage() }, { onSuccess: (s) => done(s.initiative_id) })}>
          {t("initiatives.acceptSubmit")}
        </Button>
      </Page>
    );
  }
  return (
    <Page title={title} lead={lead}>
      <p>
        {t("initiatives.acceptHaveAccount")} <Link to={`/signin?next=${encodeURIComponent(ACCEPT_PATH)}`}>{t("initiatives.acceptSignIn")}</Link>
      </p>
      <h2>{t("initiatives.acceptCreateTitle")}</h2>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          const v = form.values;
          accept.mutate(
            { token, name: v.name.trim(), email: v.email.trim(), password: v.password, locale: currentLanguage() },
            { onSuccess: (s) => done(s.initiative_id), onError: form.showServerError },
          );
        }}
      >
        <TextField {...form.field("name")} label={t("initiatives.acceptName")} autoComplete="name" required />
        <TextField {...form.field("email")} type="email" label={t("initiatives.acceptEmail")} autoComplete="email" spellCheck={false} required />
        <TextField
          {...form.field("password")}
          type="password"
          label={t("initiatives.acceptPassword")}
          hint={t("initiatives.acceptPasswordHint", { count: PASSWORD_MIN })}
          autoComplete="new-password"
          required
        />
        <Button type="submit" disabled={accept.isPending}>
          {t("initiatives.acceptCreateSubmit")}
        </Button>
      </form>
    </Page>
  );
}
