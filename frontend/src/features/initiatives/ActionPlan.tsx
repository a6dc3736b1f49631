import { useTranslation } from "react-i18next";
import { useActions, useAddAction, useReorderActions } from "../../api/initiatives";
import { problemMessage } from "../../api/problem";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { ActionForm } from "./ActionForm";
import { ActionItem } from "./ActionItem";

/** The action plan in its order, with move up / move down, and a form to add an action. */
export function ActionPlan({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const actions = useActions(initiativeId);
  const add = useAddAction(initiativeId);
  const reorder = useReorderActions(initiativeId);
  const items = actions.data?.items ?? [];

  function move(index: number, by: -1 | 1) {
    const ids = items.map((a) => a.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate(ids);
  }

  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t("initiatives.planTitle")}</h2>
      {actions.isPending && <Loading />}
      {actions.isError && <ErrorNotice error={actions.error} />}
      {actions.isSuccess && items.length === 0 && <p>{t("initiatives.noActions")}</p>}
      <ol className="plain-list">
        {items.map((action, index) => (
          <ActionItem
            key={action.id}
            initiativeId={initiativeId}
            action={action}
            canMoveUp={index > 0}
            canMoveDown={index < items.length - 1}
            moving={reorder.isPending}
            onMove={(by) => move(index, by)}
          />
        ))}
      </ol>
      {reorder.isError && (
        <Notice tone="error" live>
          <p>{problemMessage(t, reorder.error)}</p>
        </Notice>
      )}
      <details>
        <summary>{t("initiatives.addAction")}</summary>
        <ActionForm
          idPrefix="new-action"
          pending={add.isPending}
          submitLabel={t("initiatives.addActionSubmit")}
          onSubmit={(body, done, fail) => add.mutate(body, { onSuccess: done, onError: fail })}
        />
      </details>
    </section>
  );
}
