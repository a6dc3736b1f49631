import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useSignUp } from "../../api/auth";
import { currentLanguage } from "../../i18n";
import { email, maxLength, minLength, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { useForm } from "../../ui/useForm";

export const PASSWORD_MIN = 10;

export default function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const form = useForm(
    { name: "", email: "", password: "", organisation_name: "" },
    {
      name: [required, maxLength(120)],
      email: [required, email],
      password: [required, minLength(PASSWORD_MIN), maxLength(200)],
      organisation_name: [required, maxLength(200)],
    },
    { idPrefix: "signup" },
  );

  return (
    <Page title={t("auth.signUpTitle")}>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          const v = form.values;
          signUp.mutate(
            { name: v.name.trim(), email: v.email.trim(), password: v.password, organisation_name: v.organisation_name.trim(), locale: currentLanguage() },
            { onSuccess: () => navigate("/dashboard"), onError: form.showServerError },
          );
        }}
      >
        <TextField {...form.field("name")} label={t("auth.name")} autoComplete="name" required />
        <TextField {...form.field("email")} type="email" label={t("auth.email")} autoComplete="email" spellCheck={false} required />
        <TextField
          {...form.field("password")}
          type="password"
          label={t("auth.password")}
          hint={t("auth.passwordHint", { count: PASSWORD_MIN })}
          autoComplete="new-password"
          required
        />
        <TextField {...form.field("organisation_name")} label={t("auth.organisation")} hint={t("auth.organisationHint")} autoComplete="organization" required />
        <Button type="submit" disabled={signUp.isPending}>
          {t("auth.signUpSubmit")}
        </Button>
      </form>
      <p className="spaced">
        <Link to="/signin">{t("auth.haveAccount")}</Link>
      </p>
    </Page>
  );
}
