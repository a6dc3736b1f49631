import { useTranslation } from "react-i18next";
import { useAllocate, useBoard, useCustomPerspectiveLabels, useLatestAllocation, useSeat } from "../../api/tables";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Choice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { ErrorNotice, Loading } from "../../ui/Status";
import { useForm } from "../../ui/useForm";
import { integerBetween } from "../../lib/validation";
import { useSessionContext } from "../sessions/SessionLayout";
import { AllocationReport } from "./AllocationReport";
import { TableColumn } from "./TableColumn";
import { useEffect, useState } from "react";

export default function AllocationPage() {
  const { t } = useTranslation();
  const session = useSessionContext();
  const board = useBoard(session.id);
  const latest = useLatestAllocation(session.id);
  const allocate = useAllocate(session.id);
  const seat = useSeat(session.id);
  const customLabels = useCustomPerspectiveLabels(session.organisation_id);
  const [keepPinned, setKeepPinned] = useState(true);
  // A moved person's row is drawn again in another column: keep keyboard focus on them.
  const [movedId, setMovedId] = useState<string | null>(null);
  useEffect(() => {
    if (!movedId) return;
    document.getElementById(`move-${movedId}`)?.focus();
    if (!seat.isPending) setMovedId(null);
  }, [movedId, board.data, seat.isPending]);
  const move = (member: { id: string }, tableId: string | null) => {
    setMovedId(member.id);
    seat.mutate({ participantId: member.id, tableId, pinned: false });
  };
  const form = useForm(
    { seed: "", table_count: "" },
    { seed: [integerBetween(0, 2 ** 31 - 1)], table_count: [integerBetween(1, 300)] },
    { idPrefix: "alloc" },
  );
  const readOnly = session.archived;
  const tables = board.data?.tables ?? [];
  const hasTables = tables.length > 0;

  return (
    <section aria-labelledby="alloc-heading">
      <h2 id="alloc-heading">{t("allocation.title")}</h2>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          const v = form.values;
          allocate.mutate(
            {
              keep_pinned: keepPinned,
              ...(v.seed ? { seed: Number(v.seed) } : {}),
              ...(v.table_count ? { table_count: Number(v.table_count) } : {}),
            },
            { onError: form.showServerError },
          );
        }}
      >
        <div className="grid-2">
          <TextField {...form.field("seed")} type="number" inputMode="numeric" label={t("allocation.seed")} hint={t("allocation.seedHint")} className="input--short" />
          <TextField {...form.field("table_count")} type="number" inputMode="numeric" label={t("allocation.tableCount")} hint={t("allocation.tableCountHint")} className="input--short" />
        </div>
        <Checkbox id="alloc-keep-pinned" label={t("allocation.keepPinned")} checked={keepPinned} onChange={setKeepPinned} />
        <Button type="submit" disabled={readOnly || allocate.isPending}>
          {hasTables ? t("allocation.rerun") : t("allocation.run")}
        </Button>
      </form>
      {latest.data && board.data && <AllocationReport run={latest.data} board={board.data} />}
      {seat.isError && <ErrorNotice error={seat.error} />}
      {board.isPending && <Loading />}
      {board.isError && <ErrorNotice error={board.error} />}
      {board.data && !hasTables && <p>{t("allocation.noTables")}</p>}
      {board.data && (
        <div className="board" aria-busy={seat.isPending}>
          {tables.map((table) => (
            <TableColumn
              key={table.id}
              table={table}
              members={table.members}
              tables={tables}
              disabled={readOnly}
              customLabels={customLabels}
              onMove={move}
              onPin={(m, pinned, tableId) => seat.mutate({ participantId: m.id, tableId, pinned })}
            />
          ))}
          {(board.data.unseated.length > 0 || hasTables) && (
            <TableColumn
              table={null}
              members={board.data.unseated}
              tables={tables}
              disabled={readOnly}
              customLabels={customLabels}
              onMove={move}
              onPin={() => undefined}
            />
          )}
        </div>
      )}
    </section>
  );
}
