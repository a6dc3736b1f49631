import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { useMe } from "../../api/auth";
import { useCreateSession } from "../../api/sessions";
import { Page } from "../../ui/Page";
import { SessionForm } from "./SessionForm";
import { emptySession } from "./sessionFormModel";

export default function CreateSessionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const organisationId = params.get("organisation") ?? me.data?.memberships[0]?.organisation_id ?? "";
  const create = useCreateSession();

  return (
    <Page title={t("sessionForm.createTitle")}>
      <SessionForm
        initial={emptySession()}
        initialLanguages={["en", "cy"]}
        submitLabel={t("sessionForm.createSubmit")}
        saving={create.isPending}
        onSubmit={(body, onError) =>
          create.mutate({ ...body, organisation_id: organisationId }, { onSuccess: (s) => navigate(`/sessions/${s.id}`), onError })
        }
      />
    </Page>
  );
}
