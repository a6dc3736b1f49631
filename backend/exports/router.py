"""Facilitators export a session's results: the whole record as JSON, or one row per idea as CSV.
Both are pure reads and carry no names, emails, access needs or consent details."""

from typing import Any

from fastapi import APIRouter, Response

from backend.deps import DbSession
from backend.errors import PROBLEM_MEDIA_TYPE
from backend.exports.build import build_export
from backend.exports.schemas import SessionExport
from backend.exports.spreadsheet import content_disposition, to_csv
from backend.kit.i18n import pick
from backend.workshops.access import IdeasReader

ReadAccess = IdeasReader

router = APIRouter(tags=["exports"])

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
# Declared by schema rather than `model=Problem`: with a model FastAPI also lists each error under
# the route's own media type (application/json, text/csv), which these never are.
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": "Problem",
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }
    for status in (400, 401, 403, 404, 422)
}


class CsvResponse(Response):
    media_type = CSV_MEDIA_TYPE


@router.get("/sessions/{session_id}/export.json", name="exports-json", responses=ERRORS)
def export_json(access: ReadAccess, db: DbSession) -> SessionExport:
    """The session's results: tables, themes, ideas with their lineage and revisions, dot
    tallies, shortlists (and how each place was decided), scores and choices. Hidden ideas are
    left out; another idea that names one refers to it only as `{"id", "hidden": true}`. Authors
    appear only as a per-session pseudonym, and only when they consented to their contributions
    being published; per-member scores carry no member."""
    return build_export(db, access.workshop)


@router.get(
    "/sessions/{session_id}/export.csv",
    name="exports-csv",
    response_class=CsvResponse,
    responses={
        200: {
            "description": "One row per (active or combined) idea; UTF-8 with a byte-order mark, "
            "CRLF line endings; cells that would start a formula are prefixed with `'`",
            "content": {CSV_MEDIA_TYPE: {"schema": {"type": "string"}}},
            "headers": {
                "Content-Disposition": {
                    "description": 'attachment; filename="cyd-<title>-results.csv" (ASCII) '
                    "and filename* (RFC 5987, UTF-8)",
                    "schema": {"type": "string"},
                }
            },
        },
        **ERRORS,
    },
)
def export_csv(access: ReadAccess, db: DbSession) -> CsvResponse:
    """The session's ideas as a spreadsheet, by table: theme, text, status, source, parents,
    repurposed-from, dots, shortlist place, score totals, chosen, created, revisions, author
    pseudonym. The same things are left out as in `export.json`."""
    export = build_export(db, access.workshop)
    title = pick(access.workshop.title_en, access.workshop.title_cy, "en")
    return CsvResponse(
        content=to_csv(export),
        headers={"Content-Disposition": content_disposition(title)},
    )
