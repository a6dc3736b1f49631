import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { catalogueKey, useDeleteWebhook, usePingWebhook, useRotateSecret, useUpdateWebhook, useWebhooks } from "../../api/partners";
import { Button } from "../../ui/Button";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { ConfirmDialog } from "./ConfirmDialog";
import { DeliveryLog } from "./DeliveryLog";
import { OnceSecret } from "./OnceSecret";
import { LoadProblem, PartnersNav } from "./PartnersNav";

type Confirming = "rotate" | "delete" | null;

export default function WebhookPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { organisationId = "", webhookId = "" } = useParams();
  const hooks = useWebhooks(organisationId);
  const hook = hooks.data?.items.find((h) => h.id === webhookId);
  const update = useUpdateWebhook(organisationId, webhookId);
  const ping = usePingWebhook(organisationId, webhookId);
  const rotate = useRotateSecret(organisationId, webhookId);
  const remove = useDeleteWebhook(organisationId, webhookId);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const list = `/organisations/${organisationId}/webhooks`;

  function confirm() {
    if (confirming === "rotate") {
      rotate.mutate(undefined, {
        onSuccess: (answer) => {
          setSecret(answer.secret);
          setConfirming(null);
        },
      });
    } else if (confirming === "delete") {
      remove.mutate(undefined, { onSuccess: () => void navigate(list) });
    }
  }

  return (
    <Page title={t("partners.hook.title")} wide>
      <PartnersNav organisationId={organisationId} />
      <p>
        <Link to={list}>{t("partners.hook.back")}</Link>
      </p>
      {hooks.isPending && <Loading />}
      {hooks.isError && <LoadProblem error={hooks.error} />}
      {hooks.isSuccess && !hook && <Notice tone="warning">{t("partners.hook.notFound")}</Notice>}
      {hook && (
        <>
          <p className="webhook-url">
            <code>{hook.url}</code>
          </p>
          <dl className="details">
            <dt>{t("partners.hook.status")}</dt>
            <dd>{hook.enabled ? t("partners.hooks.enabled") : t("partners.hooks.disabled")}</dd>
            <dt>{t("partners.hook.events")}</dt>
            <dd>{hook.event_kinds.map((k) => t(`partners.event.${catalogueKey(k)}`, { defaultValue: k })).join("; ")}</dd>
            {hook.description && (
              <>
                <dt>{t("partners.hook.description")}</dt>
                <dd>{hook.description}</dd>
              </>
            )}
          </dl>
          {!hook.enabled && <Notice tone="warning">{t("partners.hook.disabledNote")}</Notice>}
          {secret && (
            <OnceSecret
              heading={t("partners.hook.rotatedHeading")}
              lead={t("partners.hooks.createdLead")}
              secret={secret}
              copyLabel={t("partners.hooks.copyLabel")}
              doneLabel={t("partners.hooks.done")}
              onDone={() => setSecret(null)}
              testId="webhook-secret"
            />
          )}
          <div className="actions">
            <Button onClick={() => ping.mutate()} disabled={ping.isPending || !hook.enabled}>
              {t("partners.hook.ping")}
            </Button>
            <Button variant="secondary" onClick={() => update.mutate({ enabled: !hook.enabled })} disabled={update.isPending}>
              {hook.enabled ? t("partners.hook.disable") : t("partners.hook.enable")}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming("rotate")}>
              {t("partners.hook.rotate")}
            </Button>
            <Button variant="danger" onClick={() => setConfirming("delete")}>
              {t("partners.hook.delete")}
            </Button>
          </div>
          <div role="status">{ping.isSuccess && <Notice tone="success">{t("partners.hook.pinged")}</Notice>}</div>
          {(ping.error || update.error) && <ErrorNotice error={ping.error ?? update.error} />}
          <h2>{t("partners.hook.logHeading")}</h2>
          <DeliveryLog organisationId={organisationId} webhookId={webhookId} />
        </>
      )}
      <ConfirmDialog
        isOpen={confirming !== null}
        title={confirming === "delete" ? t("partners.hook.deleteTitle") : t("partners.hook.rotateTitle")}
        body={confirming === "delete" ? t("partners.hook.deleteBody", { url: hook?.url ?? "" }) : t("partners.hook.rotateBody")}
        confirmLabel={confirming === "delete" ? t("partners.hook.deleteConfirm") : t("partners.hook.rotateConfirm")}
        cancelLabel={t("partners.keys.cancel")}
        busy={rotate.isPending || remove.isPending}
        error={confirming === "delete" ? remove.error : rotate.error}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      />
    </Page>
  );
}
