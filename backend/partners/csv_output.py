"""CSV answers of the partner list endpoints (`?format=csv`): UTF-8 with a byte-order mark, CRLF
line endings, no cell a spreadsheet would run as a formula. A paginated list's CSV is one page;
the next page's cursor is in the `X-Next-Cursor` header (absent on the last page)."""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import Response

from backend.errors import problem_responses
from backend.exports.spreadsheet import BOM, neutralise

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
NEXT_CURSOR_HEADER = "X-Next-Cursor"


class ListFormat(StrEnum):
    json = "json"
    csv = "csv"


FormatParam = Annotated[
    ListFormat,
    Query(
        alias="format",
        description="`csv` for one page as CSV (UTF-8 with BOM, CRLF; the next cursor in the "
        "`X-Next-Cursor` header); JSON otherwise",
    ),
]


def list_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The problems a route can return, and its CSV answer beside the JSON one."""
    return {
        **problem_responses(*statuses),
        200: {
            "description": "JSON, or CSV with `?format=csv`",
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "headers": {
                NEXT_CURSOR_HEADER: {
                    "description": "CSV only: the cursor of the next page, absent on the last",
                    "schema": {"type": "string"},
                }
            },
        },
    }


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(cell(item) for item in value)
    return neutralise(str(value))


def csv_response(
    header: Sequence[str], rows: Iterable[Sequence[Any]], next_cursor: str | None = None
) -> Response:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    headers = {NEXT_CURSOR_HEADER: next_cursor} if next_cursor else {}
    return Response(
        (BOM + out.getvalue()).encode("utf-8"), media_type=CSV_MEDIA_TYPE, headers=headers
    )
