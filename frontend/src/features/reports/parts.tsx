import type { ReactNode } from "react";
import { useDoc } from "./doc";

/** Someone's words, or the note that they kept them private. */
export function Words({ text, withheld, table }: { text: string | null | undefined; withheld: boolean; table?: boolean }) {
  const { t } = useDoc();
  if (withheld || text === null || text === undefined) {
    return <em className="report-withheld">{t(table ? "report.tableWithheld" : "report.withheld")}</em>;
  }
  return <>{text}</>;
}

/** A captioned table whose columns have headers; it scrolls sideways on a narrow phone. */
export function DataTable({ id, caption, head, children }: { id: string; caption: string; head: string[]; children: ReactNode }) {
  const captionId = `${id}-caption`;
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table report-data">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {head.map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
