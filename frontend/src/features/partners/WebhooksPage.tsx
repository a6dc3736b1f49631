import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { catalogueKey, useWebhooks, type WebhookCreated } from "../../api/partners";
import { Page } from "../../ui/Page";
import { Loading } from "../../ui/Status";
import { CreateWebhookForm } from "./CreateWebhookForm";
import { OnceSecret } from "./OnceSecret";
import { LoadProblem, PartnersNav } from "./PartnersNav";

export default function WebhooksPage() {
  const { t } = useTranslation();
  const { organisationId = "" } = useParams();
  const hooks = useWebhooks(organisationId);
  const [created, setCreated] = useState<WebhookCreated | null>(null);

  return (
    <Page title={t("partners.hooks.title")} lead={t("partners.hooks.lead")} wide>
      <PartnersNav organisationId={organisationId} />
      <p className="muted">{t("partners.noPersonalData")}</p>
      {hooks.isPending && <Loading />}
      {hooks.isError && <LoadProblem error={hooks.error} />}
      {hooks.isSuccess && (
        <>
          {created ? (
            <OnceSecret
              heading={t("partners.hooks.createdHeading")}
              lead={t("partners.hooks.createdLead")}
              secret={created.secret}
              copyLabel={t("partners.hooks.copyLabel")}
              doneLabel={t("partners.hooks.done")}
              onDone={() => setCreated(null)}
              testId="webhook-secret"
            />
          ) : (
            <CreateWebhookForm organisationId={organisationId} onCreated={setCreated} />
          )}
          <h2>{t("partners.hooks.listHeading")}</h2>
          {hooks.data.items.length === 0 ? (
            <p>{t("partners.hooks.empty")}</p>
          ) : (
            <ul className="plain-list" data-testid="webhooks">
              {hooks.data.items.map((hook) => (
                <li key={hook.id}>
                  <p className="webhook-url">
                    <code>{hook.url}</code>{" "}
                    <span className="badge badge--none">{hook.enabled ? t("partners.hooks.enabled") : t("partners.hooks.disabled")}</span>
                  </p>
                  {hook.description && <p className="muted">{hook.description}</p>}
                  <p className="muted">{hook.event_kinds.map((k) => t(`partners.event.${catalogueKey(k)}`, { defaultValue: k })).join("; ")}</p>
                  <Link to={hook.id} aria-label={t("partners.hooks.openLabel", { url: hook.url })}>
                    {t("partners.hooks.open")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
