import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { useMe, useSignOut } from "../../api/auth";
import { Button } from "../../ui/Button";
import { ErrorNotice, Loading } from "../../ui/Status";

/** The facilitator area: sends people who are not signed in to the sign-in page. */
export default function RequireFacilitator() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} />;
  if (!me.data) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname)}`} replace />;

  return (
    <>
      <div className="user-bar">
        <span className="muted">{me.data.user.name}</span>
        <Button variant="quiet" onClick={() => signOut.mutate(undefined, { onSettled: () => navigate("/") })}>
          {t("nav.signOut")}
        </Button>
      </div>
      <Outlet />
    </>
  );
}
