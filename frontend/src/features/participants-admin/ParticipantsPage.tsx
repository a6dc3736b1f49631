import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { useAddParticipant, useParticipants, useReissue, useRemoveParticipant, useUpdateParticipant } from "../../api/participants";
import { useCustomPerspectiveLabels } from "../../api/tables";
import type { IssuedCredentials, ParticipantAdmin } from "../../api/types";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/ModalDialog";
import { ErrorNotice, Loading } from "../../ui/Status";
import { useSessionContext } from "../sessions/SessionLayout";
import { SessionPerspectiveBadge } from "../tables/SessionPerspectiveBadge";
import { CredentialsView } from "./CredentialsView";
import { ImportCsv } from "./ImportCsv";
import { PersonForm } from "./PersonForm";

type Dialog =
  | { kind: "add" }
  | { kind: "edit"; person: ParticipantAdmin }
  | { kind: "remove"; person: ParticipantAdmin }
  | { kind: "reissue"; person: ParticipantAdmin }
  | { kind: "credentials"; name: string; credentials: IssuedCredentials };

export default function ParticipantsPage() {
  const { t } = useTranslation();
  const session = useSessionContext();
  const people = useParticipants(session.id);
  const customLabels = useCustomPerspectiveLabels(session.organisation_id);
  const add = useAddParticipant(session.id);
  const update = useUpdateParticipant(session.id);
  const remove = useRemoveParticipant(session.id);
  const reissue = useReissue(session.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const active = people.data?.filter((p) => p.status !== "removed") ?? [];
  const readOnly = session.archived;

  return (
    <section aria-labelledby="people-heading">
      <div className="page__head">
        <h2 id="people-heading">{t("participantsAdmin.title")}</h2>
        <Button onClick={() => setDialog({ kind: "add" })} disabled={readOnly}>
          {t("participantsAdmin.add")}
        </Button>
      </div>
      {people.isPending && <Loading />}
      {people.isError && <ErrorNotice error={people.error} />}
      {people.data && (
        <>
          <p className="stat" aria-live="polite">
            {t("participantsAdmin.count", { count: active.length })}
          </p>
          {people.data.length === 0 ? (
            <p>{t("participantsAdmin.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t("participantsAdmin.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("participantsAdmin.name")}</th>
                    <th scope="col">{t("perspectives.label")}</th>
                    <th scope="col">{t("participantsAdmin.status")}</th>
                    <th scope="col">{t("participantsAdmin.table")}</th>
                    <th scope="col">{t("participantsAdmin.accessNeeds")}</th>
                    <th scope="col">{t("common.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {people.data.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">{p.display_name}</th>
                      <td>
                        <SessionPerspectiveBadge perspective={p.perspective} customLabels={customLabels} />
                      </td>
                      <td>{t(`participantsAdmin.status_${p.status}`)}</td>
                      <td>{p.table ? t("allocation.tableName", { number: p.table.number }) : "–"}</td>
                      <td>{p.access_needs || "–"}</td>
                      <td>
                        {p.status !== "removed" && !readOnly && (
                          <MenuTrigger>
                            <AriaButton className="button button--quiet" aria-label={`${t("common.actions")}: ${p.display_name}`}>
                              {t("common.actions")} ▾
                            </AriaButton>
                            <Popover className="popover">
                              <Menu
                                className="menu"
                                onAction={(key) => {
                                  if (key === "edit") setDialog({ kind: "edit", person: p });
                                  if (key === "reissue") setDialog({ kind: "reissue", person: p });
                                  if (key === "remove") setDialog({ kind: "remove", person: p });
                                }}
                              >
                                <MenuItem id="edit" className="menu__item">
                                  {t("common.edit")}
                                </MenuItem>
                                <MenuItem id="reissue" className="menu__item">
                                  {t("participantsAdmin.reissue", { name: p.display_name })}
                                </MenuItem>
                                <MenuItem id="remove" className="menu__item menu__item--danger">
                                  {t("participantsAdmin.remove", { name: p.display_name })}
                                </MenuItem>
                              </Menu>
                            </Popover>
                          </MenuTrigger>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <ImportCsv sessionId={session.id} disabled={readOnly} />

      <ModalDialog isOpen={dialog?.kind === "add"} onClose={close} title={t("participantsAdmin.addTitle")}>
        <PersonForm
          customLabels={customLabels}
          submitLabel={t("participantsAdmin.add")}
          saving={add.isPending}
          onCancel={close}
          onSubmit={(v, onError) =>
            add.mutate(v, {
              onSuccess: (creds) => setDialog({ kind: "credentials", name: creds.participant.display_name, credentials: creds }),
              onError,
            })
          }
        />
      </ModalDialog>
      {dialog?.kind === "edit" && (
        <ModalDialog isOpen onClose={close} title={t("participantsAdmin.editTitle", { name: dialog.person.display_name })}>
          <PersonForm
            customLabels={customLabels}
            person={dialog.person}
            submitLabel={t("common.save")}
            saving={update.isPending}
            onCancel={close}
            onSubmit={(v, onError) => update.mutate({ id: dialog.person.id, body: v }, { onSuccess: close, onError })}
          />
        </ModalDialog>
      )}
      {dialog?.kind === "remove" && (
        <ModalDialog isOpen onClose={close} role="alertdialog" title={t("participantsAdmin.removeTitle", { name: dialog.person.display_name })}>
          <p>{t("participantsAdmin.removeLead")}</p>
          {remove.isError && <ErrorNotice error={remove.error} />}
          <div className="actions">
            <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(dialog.person.id, { onSuccess: close })}>
              {t("common.remove")}
            </Button>
            <Button variant="secondary" onClick={close}>
              {t("common.cancel")}
            </Button>
          </div>
        </ModalDialog>
      )}
      {dialog?.kind === "reissue" && (
        <ModalDialog isOpen onClose={close} role="alertdialog" title={t("participantsAdmin.reissue", { name: dialog.person.display_name })}>
          <p>{t("participantsAdmin.reissueLead")}</p>
          {reissue.isError && <ErrorNotice error={reissue.error} />}
          <div className="actions">
            <Button
              disabled={reissue.isPending}
              onClick={() =>
                reissue.mutate(dialog.person.id, {
                  onSuccess: (creds) => setDialog({ kind: "credentials", name: dialog.person.display_name, credentials: creds }),
                })
              }
            >
              {t("common.continue")}
            </Button>
            <Button variant="secondary" onClick={close}>
              {t("common.cancel")}
            </Button>
          </div>
        </ModalDialog>
      )}
      {dialog?.kind === "credentials" && (
        <ModalDialog isOpen onClose={close} title={t("participantsAdmin.credentialsTitle", { name: dialog.name })}>
          <CredentialsView credentials={dialog.credentials} />
          <p>
            <Button onClick={close}>{t("common.close")}</Button>
          </p>
        </ModalDialog>
      )}
    </section>
  );
}
