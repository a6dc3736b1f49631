import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useMyParticipant, useMySession, useParticipantSignOut, useUpdateMyProfile } from "../../api/participants";
import { Button } from "../../ui/Button";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { NotJoined } from "./NotJoined";
import { ParticipantNav } from "./ParticipantNav";
import { ProfileForm } from "./ProfileForm";

export default function ProfilePage() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const session = useMySession(Boolean(me.data));
  const update = useUpdateMyProfile();
  const [saved, setSaved] = useState(false);
  const signOut = useParticipantSignOut();
  const navigate = useNavigate();

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} />;
  if (!me.data) return <NotJoined title={t("profile.title")} />;

  return (
    <Page title={t("profile.title")} lead={t("profile.lead")}>
      <ParticipantNav />
      {saved && (
        <Notice tone="success" live>
          <p>{t("profile.saved")}</p>
          <p>
            <Link to="/me/table">{t("profile.goToTable")}</Link>
          </p>
        </Notice>
      )}
      <ProfileForm
        key={me.data.id}
        participant={me.data}
        session={session.data}
        saving={update.isPending}
        onSave={(body, { onError }) => {
          setSaved(false);
          update.mutate(body, { onSuccess: () => setSaved(true), onError });
        }}
      />
      <p className="spaced">
        <Button variant="quiet" disabled={signOut.isPending} onClick={() => signOut.mutate(undefined, { onSettled: () => navigate("/") })}>
          {t("profile.signOut")}
        </Button>
      </p>
    </Page>
  );
}
