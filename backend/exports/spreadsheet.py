"""The export as a CSV that opens cleanly in Excel: UTF-8 with a byte-order mark (so ŵ and ŷ show),
CRLF line endings, and no cell a spreadsheet would run as a formula."""

import csv
import io

from backend.exports.schemas import ExportTable, SessionExport

BOM = "\ufeff"
HEADER = [
    "table",
    "theme",
    "idea",
    "status",
    "source",
    "parents",
    "repurposed_from",
    "dots",
    "shortlist_place",
    "desirability",
    "feasibility",
    "viability",
    "score_total",
    "chosen",
    "created_at",
    "revisions",
    "author",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix `'` to a cell a spreadsheet would read as a formula, leading spaces or not."""
    if cell.startswith(("\t", "\r")) or cell.lstrip(" \t\r\n").startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _rows(table: ExportTable) -> list[list[str]]:
    places = {p.idea.id: p.place for p in table.shortlist}
    totals = {s.idea.id: s.totals for s in table.scores}
    chosen = table.choice.idea.id if table.choice else None
    rows = []
    for idea in table.ideas:
        score = totals.get(idea.id)
        rows.append(
            [
                str(table.number),
                idea.theme or "",
                idea.text,
                idea.status,
                idea.source,
                "; ".join(_ref(r.id, r.hidden) for r in idea.parents),
                _ref(idea.repurposed_from.id, idea.repurposed_from.hidden)
                if idea.repurposed_from
                else "",
                str(idea.dots),
                str(places.get(idea.id, "")),
                str(score.desirability) if score else "",
                str(score.feasibility) if score else "",
                str(score.viability) if score else "",
                str(score.total) if score else "",
                "yes" if idea.id == chosen else "no",
                idea.created_at.isoformat(),
                str(len(idea.revisions)),
                idea.author or "",
            ]
        )
    return rows


def _ref(idea_id: object, hidden: bool) -> str:
    return f"{idea_id} (hidden)" if hidden else str(idea_id)


def to_csv(export: SessionExport) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for table in export.tables:
        for row in _rows(table):
            writer.writerow([neutralise(cell) for cell in row])
    return (BOM + out.getvalue()).encode("utf-8")
