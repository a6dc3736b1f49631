import { useEffect, useRef, type ReactNode } from "react";
import { useLocation } from "react-router";

let firstPage = true;

/** A page's one h1 and its document title; after navigation the heading takes focus. */
export function Page({ title, documentTitle, children, wide, lead, actions, titleLang }: { title: string; documentTitle?: string; children?: ReactNode; wide?: boolean; lead?: ReactNode; actions?: ReactNode; titleLang?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  useEffect(() => {
    document.title = `${documentTitle ?? title} · Cyd`;
  }, [title, documentTitle]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, [location.pathname]);

  return (
    <div className={wide ? "page page--wide" : "page"}>
      <div className="page__head">
        <h1 ref={heading} tabIndex={-1} className="page__title" lang={titleLang}>
          {title}
        </h1>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {lead && <p className="page__lead">{lead}</p>}
      {children}
    </div>
  );
}
