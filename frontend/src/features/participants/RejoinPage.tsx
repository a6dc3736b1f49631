import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { useRejoin } from "../../api/participants";
import { joinCode, normaliseJoinCode, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading } from "../../ui/Status";
import { useForm } from "../../ui/useForm";

/** The rejoin token travels in the URL fragment (#token), or in ?token= from older links. */
export function tokenFromLocation(hash: string, search: string): string | null {
  const fromHash = hash.replace(/^#/, "").trim();
  if (fromHash) return decodeURIComponent(fromHash.startsWith("token=") ? fromHash.slice(6) : fromHash);
  return new URLSearchParams(search).get("token");
}

export default function RejoinPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const rejoin = useRejoin();
  const token = tokenFromLocation(location.hash, location.search);
  const tried = useRef(false);
  const form = useForm(
    { join_code: "", recovery_code: "" },
    { join_code: [required, joinCode], recovery_code: [required] },
    { idPrefix: "rejoin" },
  );
  const welcome = (name: string) => navigate("/me/table", { replace: true, state: { welcome: name } });

  useEffect(() => {
    if (!token || tried.current) return;
    tried.current = true;
    // Drop the secret from the address bar and history before using it.
    window.history.replaceState(window.history.state, "", "/rejoin");
    rejoin.mutate({ rejoin_token: token }, { onSuccess: (c) => welcome(c.participant.display_name) });
  }, [token]); // eslint-disable-line react-hooks/exhaustive-deps

  const autoPending = tried.current && rejoin.isPending && !form.values.join_code;

  return (
    <Page title={t("rejoin.title")} lead={autoPending ? undefined : t("rejoin.lead")}>
      {autoPending && <Loading label={t("rejoin.working")} />}
      {tried.current && rejoin.isError && !form.values.join_code && <ErrorNotice error={rejoin.error} />}
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      {!autoPending && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!form.check()) return;
            rejoin.mutate(
              { join_code: normaliseJoinCode(form.values.join_code), recovery_code: form.values.recovery_code.trim().toUpperCase() },
              { onSuccess: (c) => welcome(c.participant.display_name), onError: form.showServerError },
            );
          }}
        >
          <TextField {...form.field("join_code")} label={t("rejoin.joinCode")} hint={t("join.codeHint")} className="input--code" autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
          <TextField {...form.field("recovery_code")} label={t("rejoin.recoveryCode")} hint={t("rejoin.recoveryHint")} className="input--code" autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
          <Button type="submit" disabled={rejoin.isPending}>
            {t("rejoin.submit")}
          </Button>
        </form>
      )}
    </Page>
  );
}
