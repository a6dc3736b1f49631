import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useJoin } from "../../api/participants";
import { problemMessage } from "../../api/problem";
import { useJoinPreview } from "../../api/sessions";
import { currentLanguage } from "../../i18n";
import { pickText, pickedLanguage } from "../../lib/format";
import { joinCode, maxLength, normaliseJoinCode, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { Loading, Notice } from "../../ui/Status";
import { useForm } from "../../ui/useForm";

/** Step 1 (/join): the code. Step 2 (/join/:code, also from the QR): see the session, give a name. */
export default function JoinPage() {
  const { code } = useParams();
  return code ? <NameStep code={normaliseJoinCode(code)} /> : <CodeStep />;
}

function CodeStep({ initial = "" }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm({ code: initial }, { code: [required, joinCode] }, { idPrefix: "join" });
  return (
    <Page title={t("join.title")} lead={t("join.lead")}>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (form.check()) navigate(`/join/${normaliseJoinCode(form.values.code)}`);
        }}
      >
        <TextField
          {...form.field("code")}
          label={t("join.code")}
          hint={t("join.codeHint")}
          className="input--code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
        />
        <Button type="submit">{t("join.findSession")}</Button>
      </form>
      <p className="spaced">
        <Link to="/rejoin">{t("join.lostAccess")}</Link>
      </p>
    </Page>
  );
}

function NameStep({ code }: { code: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lang = currentLanguage();
  const preview = useJoinPreview(code);
  const join = useJoin();
  const form = useForm({ display_name: "" }, { display_name: [required, maxLength(80)] }, { idPrefix: "join" });

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <>
        <Notice tone="error" live>
          {problemMessage(t, preview.error)}
        </Notice>
        <CodeStep initial={code} />
      </>
    );
  }
  const session = preview.data;
  const title = pickText(session.title, lang);

  return (
    <Page title={t("join.title")}>
      <section className="card" aria-labelledby="join-session">
        <p className="muted">{t("join.sessionFound")}</p>
        <h2 id="join-session" lang={pickedLanguage(session.title, lang)}>
          {title}
        </h2>
        {pickText(session.challenge, lang) && <p lang={pickedLanguage(session.challenge, lang)}>{pickText(session.challenge, lang)}</p>}
      </section>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          join.mutate(
            { code, display_name: form.values.display_name.trim(), locale: lang },
            {
              onSuccess: (creds) => navigate("/me/saved", { state: { rejoinUrl: creds.rejoin_url, recoveryCode: creds.recovery_code } }),
              onError: form.showServerError,
            },
          );
        }}
      >
        <TextField {...form.field("display_name")} label={t("join.name")} hint={t("join.nameHint")} autoComplete="nickname" maxLength={80} required />
        <Button type="submit" disabled={join.isPending}>
          {join.isPending ? t("common.saving") : t("join.submit")}
        </Button>
      </form>
      <p className="spaced">
        <Link to="/join">{t("join.changeCode")}</Link>
      </p>
    </Page>
  );
}
