import { createCydClient } from "@cyd/client";
import { currentLanguage } from "../i18n";

/** The one API client of the SPA: same-origin cookies, CSRF header, the UI language. */
export const api = createCydClient({ language: currentLanguage });
