import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { currentLanguage, isLanguage, type Language } from "../../i18n";
import { Button } from "../../ui/Button";
import { RadioGroup } from "../../ui/Choice";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading } from "../../ui/Status";
import { DocContext, inLanguage } from "./doc";
import { ReportDocument } from "./ReportDocument";
import { useReport } from "./useReport";
import "./report.css";

/** `/sessions/:id/report`: the whole session as a calm document to read, print or save as PDF,
 * in English or Welsh whatever language the rest of the interface is in. */
export default function ReportPage() {
  const { t, i18n } = useTranslation();
  const { sessionId = "" } = useParams();
  const [lang, setLang] = useState<Language>(currentLanguage());
  const doc = useMemo(() => ({ t: i18n.getFixedT(lang), lang }), [i18n, lang]);
  const report = useReport(sessionId);

  if (report.isPending) return <Loading />;
  if (report.isError) {
    return (
      <Page title={t("report.pageTitle")}>
        <ErrorNotice error={report.error} />
      </Page>
    );
  }
  const title = inLanguage(report.data.session.title, lang).text || doc.t("report.untitled");
  return (
    <Page title={doc.t("report.title", { title })} titleLang={lang} documentTitle={doc.t("report.title", { title })} wide>
      <div className="report-toolbar no-print">
        <p>
          <Link to={`/sessions/${sessionId}`}>{t("report.back")}</Link>
        </p>
        <RadioGroup
          id="report-language"
          legend={t("report.language")}
          options={[
            { value: "en", label: <span lang="en">English</span> },
            { value: "cy", label: <span lang="cy">Cymraeg</span> },
          ]}
          value={lang}
          onChange={(value) => isLanguage(value) && setLang(value)}
        />
        <Button onClick={() => window.print()} data-testid="report-print">
          {t("report.print")}
        </Button>
      </div>
      <DocContext.Provider value={doc}>
        <ReportDocument report={report.data} />
      </DocContext.Provider>
    </Page>
  );
}
