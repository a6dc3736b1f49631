import type { TFunction } from "i18next";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblems, problemMessage } from "../../api/problem";
import { CAPITALS, NETWORK_ROLES, PERSPECTIVES, type Capital, type ParticipantSelf, type ProfileUpdate, type SessionView } from "../../api/types";
import { currentLanguage } from "../../i18n";
import { pickText, pickedLanguage } from "../../lib/format";
import { email as emailRule, maxLength, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { Checkbox, CheckboxGroup, RadioGroup } from "../../ui/Choice";
import { ErrorSummary, type SummaryItem } from "../../ui/ErrorSummary";
import { TextArea, TextField } from "../../ui/Field";
import { useFocusAfterRender } from "../../ui/useFocusAfterRender";

type Strengths = Record<Capital, string>;
type NetworkRole = (typeof NETWORK_ROLES)[number];

export function initialProfile(p: ParticipantSelf) {
  return {
    display_name: p.display_name,
    perspective: p.perspective ?? "",
    network_roles: p.network_roles as string[],
    strengths: Object.fromEntries(CAPITALS.map((c) => [c, p.strengths?.[c] ?? ""])) as Strengths,
    publish: p.consent.publish,
    contact: p.consent.contact,
    share_perspective: p.consent.share_perspective,
    email: p.email ?? "",
    access_needs: p.access_needs ?? "",
  };
}
type Profile = ReturnType<typeof initialProfile>;

const ID = (name: string) => `profile-${name}`;

/** Check a profile before sending; returns messages keyed by field id. */
function checkProfile(p: Profile, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = required(p.display_name) ?? maxLength(80)(p.display_name);
  if (name) errors[ID("display_name")] = t(name.key, name.values);
  const mail = emailRule(p.email);
  if (mail) errors[ID("email")] = t(mail.key);
  else if (p.email.trim() && !p.contact) errors[ID("email")] = t("problems.contact_consent_needed");
  for (const c of CAPITALS) {
    const long = maxLength(500)(p.strengths[c]);
    if (long) errors[ID(`strengths-${c}`)] = t(long.key, long.values);
  }
  const needs = maxLength(1000)(p.access_needs);
  if (needs) errors[ID("access_needs")] = t(needs.key, needs.values);
  return errors;
}

export function toUpdate(p: Profile): ProfileUpdate {
  return {
    display_name: p.display_name.trim(),
    ...(p.perspective ? { perspective: p.perspective } : {}),
    network_roles: p.network_roles as NetworkRole[],
    strengths: Object.fromEntries(CAPITALS.map((c) => [c, p.strengths[c].trim() || null])),
    consent: { publish: p.publish, contact: p.contact, share_perspective: p.share_perspective },
    email: p.contact && p.email.trim() ? p.email.trim() : null,
    access_needs: p.access_needs.trim(),
  };
}

interface Props {
  participant: ParticipantSelf;
  session: SessionView | undefined;
  saving: boolean;
  onSave: (update: ProfileUpdate, callbacks: { onError: (e: unknown) => void }) => void;
}

export function ProfileForm({ participant, session, saving, onSave }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [p, setP] = useState(() => initialProfile(participant));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => setP((old) => ({ ...old, [key]: value }));
  const focusSummary = useFocusAfterRender(summaryRef);

  const summary: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message })),
  ];
  const consentText = pickText(session?.consent_text, lang);

  function submit() {
    const found = checkProfile(p, t);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return focusSummary();
    onSave(toUpdate(p), {
      onError: (err) => {
        const byPath = fieldProblems(t, err);
        const mapped = Object.fromEntries(Object.entries(byPath).map(([path, msg]) => [ID(path.replace(".", "-")), msg]));
        setErrors(mapped);
        setFormError(Object.keys(mapped).length ? null : problemMessage(t, err));
        focusSummary();
      },
    });
  }

  return (
    <>
      <ErrorSummary ref={summaryRef} items={summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField
          id={ID("display_name")}
          label={t("profile.displayName")}
          hint={t("join.nameHint")}
          value={p.display_name}
          onChange={(v) => set("display_name", v)}
          error={errors[ID("display_name")]}
          autoComplete="nickname"
          maxLength={80}
          required
        />
        <RadioGroup
          id={ID("perspective")}
          legend={t("profile.perspectiveLegend")}
          hint={t("profile.perspectiveHint")}
          error={errors[ID("perspective")]}
          value={p.perspective}
          onChange={(v) => set("perspective", v)}
          options={[
            ...PERSPECTIVES.map((k) => ({ value: k, label: t(`perspectives.${k}`), hint: t(`perspectives.${k}_hint`) })),
            ...(session?.custom_perspectives ?? []).map((c) => ({ value: c.key, label: pickText(c.label, lang) || c.key })),
          ]}
        />
        <CheckboxGroup
          id={ID("network_roles")}
          legend={t("profile.rolesLegend")}
          hint={t("profile.rolesHint")}
          values={p.network_roles}
          onChange={(v) => set("network_roles", v)}
          options={NETWORK_ROLES.map((k) => ({ value: k, label: t(`roles.${k}`), hint: t(`roles.${k}_hint`) }))}
        />
        <fieldset className="field fieldset" aria-describedby={ID("strengths-hint")}>
          <legend className="field__label">{t("profile.strengthsLegend")}</legend>
          <p id={ID("strengths-hint")} className="field__hint">
            {t("profile.strengthsHint")}
          </p>
          {CAPITALS.map((c) => (
            <TextArea
              key={c}
              id={ID(`strengths-${c}`)}
              label={t(`capitals.${c}`)}
              hint={t(`capitals.${c}_hint`)}
              value={p.strengths[c]}
              onChange={(v) => set("strengths", { ...p.strengths, [c]: v })}
              error={errors[ID(`strengths-${c}`)]}
              rows={2}
              maxLength={500}
            />
          ))}
        </fieldset>
        <fieldset className="field fieldset" aria-describedby={consentText ? ID("consent-text") : undefined}>
          <legend className="field__label">{t("profile.consentLegend")}</legend>
          {consentText && (
            <div id={ID("consent-text")} className="notice">
              <p className="muted">{t("profile.consentLead")}</p>
              <p lang={pickedLanguage(session?.consent_text, lang)}>{consentText}</p>
            </div>
          )}
          <Checkbox id={ID("consent-publish")} label={t("profile.consentPublish")} checked={p.publish} onChange={(v) => set("publish", v)} />
          <Checkbox id={ID("consent-contact")} label={t("profile.consentContact")} checked={p.contact} onChange={(v) => set("contact", v)} />
          <Checkbox id={ID("consent-share")} label={t("profile.consentShare")} checked={p.share_perspective} onChange={(v) => set("share_perspective", v)} />
        </fieldset>
        {p.contact && (
          <TextField
            id={ID("email")}
            type="email"
            label={t("profile.email")}
            hint={t("profile.emailHint")}
            value={p.email}
            onChange={(v) => set("email", v)}
            error={errors[ID("email")]}
            autoComplete="email"
          />
        )}
        <div className="private-box">
          <TextArea
            id={ID("access_needs")}
            label={t("profile.accessNeeds")}
            hint={t("profile.accessNeedsHint")}
            value={p.access_needs}
            onChange={(v) => set("access_needs", v)}
            error={errors[ID("access_needs")]}
            rows={3}
            maxLength={1000}
          />
        </div>
        <Button type="submit" disabled={saving}>
          {saving ? t("common.saving") : t("profile.submit")}
        </Button>
      </form>
    </>
  );
}
