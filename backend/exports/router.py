"""Facilitators export a session's results: the whole record as JSON, or one row per idea as CSV.
Both are pure reads and carry no names, emails, access needs or consent details."""

from typing import Any

from fastapi import APIRouter, Response

from backend.deps import DbSession
from backend.errors import PROBLEM_MEDIA_TYPE
from backend.exports.build import build_export
from backend.exports.filename import content_disposition
from backend.exports.schemas import SessionExport
from backend.exports.spreadsheet import to_csv
from backend.kit.i18n import pick
from backend.models import Workshop
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


def _attachment(workshop: Workshop, extension: str) -> str:
    title = pick(workshop.title_en, workshop.title_cy, "en")
    return content_disposition(title, workshop.starts_at.date(), extension)


def _disposition_header(extension: str) -> dict[str, dict[str, Any]]:
    return {
        "Content-Disposition": {
            "description": f'attachment; filename="cyd-<title>-<session date>-results.{extension}" '
            "(ASCII) and filename* (RFC 5987, UTF-8, with Welsh letters)",
            "schema": {"type": "string"},
        }
    }


@router.get(
    "/sessions/{session_id}/export.json",
    name="exports-json",
    responses={200: {"headers": _disposition_header("json")}, **ERRORS},
)
def export_json(access: ReadAccess, db: DbSession, response: Response) -> SessionExport:
    """The session's results: tables, themes, ideas with their lineage and revisions, dot
    tallies, shortlists (and how each place was decided), scores and choices. Hidden ideas are
    left out; another idea that names one refers to it only as `{"id", "hidden": true}`. Authors
    appear only as a per-session pseudonym, and only when they consented to their contributions
    being published; per-member scores carry no member. Served as a download named after the
    session and its date."""
    response.headers["Content-Disposition"] = _attachment(access.workshop, "json")
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
            "headers": _disposition_header("csv"),
        },
        **ERRORS,
    },
)
def export_csv(access: ReadAccess, db: DbSession) -> CsvResponse:
    """The session's ideas as a spreadsheet, by table: theme, text, status, source, parents,
    repurposed-from, dots, shortlist place, score totals, chosen, created, revisions, author
    pseudonym. The same things are left out as in `export.json`."""
    export = build_export(db, access.workshop)
    return CsvResponse(
        content=to_csv(export), headers={"Content-Disposition": _attachment(access.workshop, "csv")}
    )
