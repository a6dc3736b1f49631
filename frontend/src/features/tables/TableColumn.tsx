import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { SeatMember, TablePublic } from "../../api/types";
import { SelectField } from "../../ui/Field";
import { SessionPerspectiveBadge } from "./SessionPerspectiveBadge";

interface Props {
  table: TablePublic | null;
  members: SeatMember[];
  tables: TablePublic[];
  disabled: boolean;
  /** Labels of the organisation's own perspectives, by key. */
  customLabels: ReadonlyMap<string, string>;
  onMove: (member: SeatMember, tableId: string | null) => void;
  onPin: (member: SeatMember, pinned: boolean, tableId: string) => void;
}

export function tableLabel(t: TFunction, table: { number: number; name?: string | null }) {
  return table.name ? t("allocation.tableNamed", { number: table.number, name: table.name }) : t("allocation.tableName", { number: table.number });
}

/** One table as a column of members; each can be moved with a select and pinned. */
export function TableColumn({ table, members, tables, disabled, customLabels, onMove, onPin }: Props) {
  const { t } = useTranslation();
  const headingId = table ? `table-h-${table.number}` : "table-h-unseated";
  const options = [{ value: "", label: t("allocation.noTable") }, ...tables.map((tb) => ({ value: tb.id, label: tableLabel(t, tb) }))];

  return (
    <section
      className={table?.over_capacity ? "board-table board-table--over" : "board-table"}
      aria-labelledby={headingId}
      data-testid={table ? `table-${table.number}` : "unseated"}
    >
      <h3 id={headingId}>{table ? tableLabel(t, table) : t("allocation.unseated")}</h3>
      <p className="muted">
        {t("allocation.members", { count: members.length })}
        {table && <> · {t("allocation.perspectivesPresent", { count: table.perspectives_present })}</>}
      </p>
      {table?.over_capacity && <p className="field__error">{t("allocation.overCapacity")}</p>}
      {!table && members.length === 0 && <p>{t("allocation.unseatedNone")}</p>}
      {members.map((m) => (
        <div className="member" key={m.id}>
          <div>
            <span className="member__name">{m.display_name}</span> <SessionPerspectiveBadge perspective={m.perspective} customLabels={customLabels} />
            {m.network_roles.length > 0 && <span className="muted"> · {m.network_roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(", ")}</span>}
          </div>
          <SelectField
            id={`move-${m.id}`}
            label={t("allocation.moveTo", { name: m.display_name })}
            value={table?.id ?? ""}
            options={options}
            onChange={(value) => onMove(m, value || null)}
          />
          {table && (
            <div className="choice">
              <input id={`pin-${m.id}`} type="checkbox" checked={m.pinned} disabled={disabled} onChange={(e) => onPin(m, e.target.checked, table.id)} />
              <label htmlFor={`pin-${m.id}`}>{t("allocation.pin", { name: m.display_name })}</label>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
