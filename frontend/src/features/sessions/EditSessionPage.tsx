import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useUpdateSession } from "../../api/sessions";
import { Notice } from "../../ui/Status";
import { SessionForm } from "./SessionForm";
import { useSessionContext } from "./SessionLayout";
import { valuesOf } from "./sessionFormModel";

export default function EditSessionPage() {
  const { t } = useTranslation();
  const session = useSessionContext();
  const update = useUpdateSession(session.id);
  const [saved, setSaved] = useState(false);
  const [initial] = useState(() => valuesOf(session));

  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t("sessionForm.editTitle")}</h2>
      {saved && (
        <Notice tone="success" live>
          <p>{t("sessionForm.saved")}</p>
        </Notice>
      )}
      <SessionForm
        initial={initial}
        initialLanguages={session.languages.filter((l): l is "en" | "cy" => l === "en" || l === "cy")}
        submitLabel={t("sessionForm.saveSubmit")}
        saving={update.isPending}
        onSubmit={(body, onError) => {
          setSaved(false);
          update.mutate(body, { onSuccess: () => setSaved(true), onError });
        }}
      />
    </section>
  );
}
