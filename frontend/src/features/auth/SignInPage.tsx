import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useSignIn } from "../../api/auth";
import { email, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { useForm } from "../../ui/useForm";
import { safeNext } from "./next";

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const form = useForm({ email: "", password: "" }, { email: [required, email], password: [required] }, { idPrefix: "signin" });

  return (
    <Page title={t("auth.signInTitle")}>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          signIn.mutate(
            { email: form.values.email.trim(), password: form.values.password },
            { onSuccess: () => navigate(safeNext(params.get("next"))), onError: form.showServerError },
          );
        }}
      >
        <TextField {...form.field("email")} type="email" label={t("auth.email")} autoComplete="email" spellCheck={false} required />
        <TextField {...form.field("password")} type="password" label={t("auth.password")} autoComplete="current-password" required />
        <Button type="submit" disabled={signIn.isPending}>
          {t("auth.signInSubmit")}
        </Button>
      </form>
      <ul className="link-list">
        <li>
          <Link to="/password-reset">{t("auth.forgot")}</Link>
        </li>
        <li>
          <Link to="/signup">{t("auth.noAccount")}</Link>
        </li>
      </ul>
    </Page>
  );
}
