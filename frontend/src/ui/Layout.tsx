import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet } from "react-router";
import { LanguageSwitch } from "./LanguageSwitch";
import { Loading } from "./Status";

/** The shell of every page: skip link, header with navigation and language, main landmark. */
export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand" aria-label={t("nav.home")}>
            Cyd
          </Link>
          <nav aria-label={t("nav.label")} className="site-nav">
            <NavLink to="/join">{t("nav.join")}</NavLink>
            <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
