import { useTranslation } from "react-i18next";
import type { IssuedCredentials } from "../../api/types";
import { CopyButton } from "../../ui/CopyButton";

/** A person's rejoin link and recovery code, shown to the facilitator once to hand over. */
export function CredentialsView({ credentials }: { credentials: IssuedCredentials }) {
  const { t } = useTranslation();
  return (
    <div>
      <p>{t("participantsAdmin.credentialsLead")}</p>
      <h3>{t("saved.link")}</h3>
      <p className="secret">{credentials.rejoin_url}</p>
      <CopyButton text={credentials.rejoin_url} label={`${t("common.copy")}: ${t("saved.link")}`} />
      <h3>{t("saved.code")}</h3>
      <p className="secret" data-testid="issued-recovery-code">
        {credentials.recovery_code}
      </p>
    </div>
  );
}
