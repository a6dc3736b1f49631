"""Reading a facilitator's CSV of people to pre-register: all rows valid, or a list of what's wrong.

Row numbers are the ones a spreadsheet shows: the header is row 1, the first person row 2.
"""

import csv
import io
from dataclasses import asdict, dataclass
from typing import Any

from pydantic import ValidationError

from backend.participants.errors import CsvInvalid
from backend.participants.schemas import ParticipantCreate

MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
REQUIRED = "display_name"
COLUMNS = ("display_name", "email", "perspective", "network_roles", "access_needs")
EXAMPLE = (
    "display_name,email,perspective,network_roles,access_needs\n"
    "Gwenllïan Ŵyn,gwen@example.org,lived_experience,connector;maven,Large print\n"
    "Dai,,service_provider,,\n"
)


@dataclass(frozen=True)
class RowError:
    row: int | None
    column: str | None
    message: str


def _fail(errors: list[RowError], detail: str | None = None) -> CsvInvalid:
    count = len(errors)
    return CsvInvalid(
        detail or f"{count} problem{'s' if count != 1 else ''} found; fix them and upload again",
        errors=[asdict(e) for e in errors],
    )


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(
            [RowError(line, None, "This is not UTF-8 text; save the file as 'CSV UTF-8'")]
        ) from exc


def _read_rows(text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    people = 0
    try:
        for record in reader:
            rows.append(record)
            people += len(rows) > 1 and any(cell.strip() for cell in record)
            if people > MAX_ROWS:
                raise _fail(
                    [RowError(None, None, f"More than {MAX_ROWS:,} people; split the file")],
                    detail=f"At most {MAX_ROWS:,} rows per file",
                )
    except csv.Error as exc:
        raise _fail([RowError(reader.line_num, None, f"Not readable as CSV: {exc}")]) from exc
    return rows


def _header(rows: list[list[str]]) -> list[str]:
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise _fail([RowError(1, None, f"The first row must be the header: {','.join(COLUMNS)}")])
    header = [cell.strip().lower() for cell in rows[0]]
    errors = [
        RowError(1, name or None, f"Unknown column '{name}'; use {', '.join(COLUMNS)}")
        for name in header
        if name not in COLUMNS
    ]
    errors += [
        RowError(1, name, f"Column '{name}' appears more than once")
        for name in sorted({n for n in header if n and header.count(n) > 1})
    ]
    if REQUIRED not in header:
        errors.append(RowError(1, REQUIRED, "The header must have a display_name column"))
    if errors:
        raise _fail(errors)
    return header


def _row_values(header: list[str], cells: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {name: None for name in COLUMNS}
    for name, cell in zip(header, cells, strict=False):
        text = cell.strip()
        values[name] = text or None
    roles = values["network_roles"]
    values["network_roles"] = (
        sorted({r.strip().lower() for r in roles.split(";") if r.strip()}) if roles else []
    )
    if values["display_name"] is None:
        values["display_name"] = ""
    return values


def _perspective(value: str | None, known: set[str]) -> str | None:
    if value is None or value in known:
        return value
    normalised = value.lower().replace(" ", "_").replace("-", "_")
    return normalised if normalised in known else None


def parse_participants(
    raw: bytes, *, perspectives: set[str], emails_in_use: set[str]
) -> list[ParticipantCreate]:
    """The people in the file, or `CsvInvalid` listing every bad row (nothing is half-read)."""
    rows = _read_rows(_decode(raw))
    header = _header(rows)
    errors: list[RowError] = []
    people: list[ParticipantCreate] = []
    seen_emails: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            errors.append(
                RowError(number, None, f"{len(cells)} cells, but the header has {len(header)}")
            )
            continue
        values = _row_values(header, cells)
        row_errors: list[RowError] = []
        if values["perspective"] is not None:
            found = _perspective(values["perspective"], perspectives)
            if found is None:
                row_errors.append(
                    RowError(
                        number, "perspective", f"Unknown perspective '{values['perspective']}'"
                    )
                )
            values["perspective"] = found
        try:
            person = ParticipantCreate.model_validate(values)
        except ValidationError as exc:
            row_errors += [
                RowError(number, str(err["loc"][0]) if err["loc"] else None, err["msg"])
                for err in exc.errors()
            ]
            errors += row_errors
            continue
        if person.email is not None:
            key = person.email.lower()
            if key in emails_in_use:
                row_errors.append(RowError(number, "email", "Already registered in this session"))
            elif key in seen_emails:
                row_errors.append(
                    RowError(number, "email", f"Same email as row {seen_emails[key]}")
                )
            seen_emails.setdefault(key, number)
        errors += row_errors
        if not row_errors:
            people.append(person)
    if errors:
        raise _fail(errors)
    if not people:
        raise _fail([RowError(2, None, "The file has a header but nobody in it")])
    return people
