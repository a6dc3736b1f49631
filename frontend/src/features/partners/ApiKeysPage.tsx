import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { catalogueKey, useApiKeys, useRevokeApiKey, type ApiKey, type ApiKeyCreated } from "../../api/partners";
import { currentLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/Button";
import { Page } from "../../ui/Page";
import { Loading, Notice } from "../../ui/Status";
import { ConfirmDialog } from "./ConfirmDialog";
import { CreateKeyForm } from "./CreateKeyForm";
import { OnceSecret } from "./OnceSecret";
import { LoadProblem, PartnersNav } from "./PartnersNav";

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const { organisationId = "" } = useParams();
  const keys = useApiKeys(organisationId);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [revokedName, setRevokedName] = useState<string | null>(null);
  const revoke = useRevokeApiKey(organisationId);

  function confirmRevoke() {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        setRevokedName(revoking.name);
        setRevoking(null);
      },
    });
  }

  return (
    <Page title={t("partners.keys.title")} lead={t("partners.keys.lead")} wide>
      <PartnersNav organisationId={organisationId} />
      <p className="muted">{t("partners.noPersonalData")}</p>
      {keys.isPending && <Loading />}
      {keys.isError && <LoadProblem error={keys.error} />}
      {keys.isSuccess && (
        <>
          {created ? (
            <OnceSecret
              heading={t("partners.keys.createdHeading")}
              lead={t("partners.keys.createdLead")}
              secret={created.token}
              copyLabel={t("partners.keys.copyLabel")}
              doneLabel={t("partners.keys.done")}
              onDone={() => setCreated(null)}
              testId="new-api-key"
            />
          ) : (
            <CreateKeyForm organisationId={organisationId} onCreated={setCreated} />
          )}
          <h2 id="keys-heading">{t("partners.keys.listHeading")}</h2>
          <div role="status">{revokedName && <Notice tone="success">{t("partners.keys.revokedNotice", { name: revokedName })}</Notice>}</div>
          {keys.data.items.length === 0 ? <p>{t("partners.keys.empty")}</p> : <KeysTable keys={keys.data.items} onRevoke={setRevoking} />}
        </>
      )}
      <ConfirmDialog
        isOpen={revoking !== null}
        title={t("partners.keys.revokeTitle")}
        body={t("partners.keys.revokeBody", { name: revoking?.name ?? "" })}
        confirmLabel={t("partners.keys.revokeConfirm")}
        cancelLabel={t("partners.keys.cancel")}
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      />
    </Page>
  );
}

function KeysTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const now = Date.now();
  const status = (key: ApiKey) => {
    if (key.revoked_at) return t("partners.keys.revoked", { when: formatDateTime(key.revoked_at, lang) });
    if (key.expires_at && Date.parse(key.expires_at) <= now) return t("partners.keys.expired");
    if (key.expires_at) return t("partners.keys.expiresOn", { when: formatDateTime(key.expires_at, lang) });
    return t("partners.keys.active");
  };
  return (
    <div className="table-wrap" role="region" aria-labelledby="keys-caption" tabIndex={0}>
      <table className="data-table" data-testid="api-keys">
        <caption id="keys-caption" className="visually-hidden">
          {t("partners.keys.caption")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("partners.keys.colName")}</th>
            <th scope="col">{t("partners.keys.colKey")}</th>
            <th scope="col">{t("partners.keys.colScopes")}</th>
            <th scope="col">{t("partners.keys.colCreated")}</th>
            <th scope="col">{t("partners.keys.colLastUsed")}</th>
            <th scope="col">{t("partners.keys.colStatus")}</th>
            <th scope="col">{t("partners.keys.colActions")}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <th scope="row">{key.name}</th>
              <td>
                <code>{key.token_prefix}…</code>
              </td>
              <td>{key.scopes.map((s) => t(`partners.scope.${catalogueKey(s)}`, { defaultValue: s })).join("; ")}</td>
              <td>{formatDateTime(key.created_at, lang)}</td>
              <td>{key.last_used_at ? formatDateTime(key.last_used_at, lang) : t("partners.keys.never")}</td>
              <td>{status(key)}</td>
              <td>
                {!key.revoked_at && (
                  <Button variant="danger" aria-label={t("partners.keys.revokeLabel", { name: key.name })} onClick={() => onRevoke(key)}>
                    {t("partners.keys.revoke")}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
