import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAddMember, useInviteMember, useRemoveMember, type StewardMemberPublic } from "../../api/initiatives";
import { problemMessage } from "../../api/problem";
import { currentLanguage } from "../../i18n";
import { email, maxLength, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Choice";
import { CopyButton } from "../../ui/CopyButton";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { Notice } from "../../ui/Status";
import { useForm } from "../../ui/useForm";

type F = "display_name" | "role_label" | "email";

/** The steward's members: add, remove, and a one-time invitation link to copy. */
export function StewardMembers({ initiativeId, members, canManage }: { initiativeId: string; members: StewardMemberPublic[]; canManage: boolean }) {
  const { t } = useTranslation();
  const add = useAddMember(initiativeId);
  const remove = useRemoveMember(initiativeId);
  const invite = useInviteMember(initiativeId);
  const [named, setNamed] = useState(false);
  const [link, setLink] = useState<{ memberId: string; link: string; emailedTo: string | null } | null>(null);
  const form = useForm<F>(
    { display_name: "", role_label: "", email: "" },
    { display_name: [required, maxLength(120)], role_label: [required, maxLength(120)], email: [email, maxLength(320)] },
    { idPrefix: "member" },
  );

  return (
    <>
      <h3>{t("initiatives.membersTitle")}</h3>
      {members.length === 0 && <p>{t("initiatives.noMembers")}</p>}
      <ul className="plain-list">
        {members.map((m) => (
          <li key={m.id}>
            <p>
              <strong>{m.display_name}</strong> · {m.role_label} · {m.agreed_to_be_named ? t("initiatives.named") : t("initiatives.byRole")} ·{" "}
              {m.linked ? t("initiatives.linked") : t("initiatives.notLinked")}
            </p>
            {canManage && (
              <div className="actions">
                {!m.linked && (
                  <Button
                    variant="secondary"
                    aria-label={t("initiatives.inviteFor", { name: m.display_name })}
                    disabled={invite.isPending}
                    onClick={() =>
                      invite.mutate(
                        { memberId: m.id, locale: currentLanguage() },
                        { onSuccess: (r) => setLink({ memberId: m.id, link: r.link, emailedTo: r.emailed_to }) },
                      )
                    }
                  >
                    {t("initiatives.invite")}
                  </Button>
                )}
                <Button variant="danger" aria-label={t("initiatives.removeFor", { name: m.display_name })} onClick={() => remove.mutate(m.id)}>
                  {t("initiatives.remove")}
                </Button>
              </div>
            )}
            {link?.memberId === m.id && (
              <Notice tone="success" live>
                <p>{link.emailedTo ? t("initiatives.linkEmailed", { email: link.emailedTo }) : t("initiatives.linkReady")}</p>
                <TextField id={`invite-link-${m.id}`} label={t("initiatives.linkLabel")} value={link.link} onChange={() => undefined} readOnly />
                <CopyButton text={link.link} label={t("initiatives.copyLink")} />
              </Notice>
            )}
          </li>
        ))}
      </ul>
      {(invite.isError || remove.isError) && (
        <Notice tone="error" live>
          <p>{problemMessage(t, invite.error ?? remove.error)}</p>
        </Notice>
      )}
      {canManage && (
        <details>
          <summary>{t("initiatives.addMember")}</summary>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!form.check()) return;
              const v = form.values;
              add.mutate(
                { display_name: v.display_name.trim(), role_label: v.role_label.trim(), email: v.email.trim() || null, agreed_to_be_named: named },
                {
                  onSuccess: () => {
                    form.setValues({ display_name: "", role_label: "", email: "" });
                    setNamed(false);
                  },
                  onError: form.showServerError,
                },
              );
            }}
          >
            <ErrorSummary ref={form.summaryRef} items={form.summary} />
            <TextField {...form.field("display_name")} label={t("initiatives.fieldMemberName")} required />
            <TextField {...form.field("role_label")} label={t("initiatives.fieldRole")} hint={t("initiatives.fieldRoleHint")} required />
            <TextField {...form.field("email")} type="email" label={t("initiatives.fieldEmail")} hint={t("initiatives.fieldEmailHint")} />
            <Checkbox id="member-named" label={t("initiatives.fieldNamed")} hint={t("initiatives.fieldNamedHint")} checked={named} onChange={setNamed} />
            <Button type="submit" disabled={add.isPending}>
              {t("initiatives.addMemberSubmit")}
            </Button>
          </form>
        </details>
      )}
    </>
  );
}
