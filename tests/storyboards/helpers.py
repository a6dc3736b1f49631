"""A table that has chosen its idea, pictures made with Pillow, and what the storyboard holds."""

import io
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from PIL import Image
from sqlmodel import Session

from backend.models import (
    DecidedBy,
    Phase,
    Storyboard,
    StoryboardFrame,
    TableChoice,
    UploadedImage,
)
from tests.factories.ideas import count
from tests.factories.reduction import Board, make_board
from tests.factories.tables import Room

ME = "/api/v1/me/storyboard"


@dataclass
class Stage:
    """A table in the storyboard phase with its idea chosen (`board.ideas[0]`)."""

    board: Board

    def auth(self, member: int = 0) -> dict[str, str]:
        return self.board.auth(member)

    @property
    def table_base(self) -> str:
        return f"{self.board.room.base}/tables/{self.board.table.id}/storyboard"


def make_stage(
    db: Session,
    facilitator_client: httpx.AsyncClient | None = None,
    *,
    phase: Phase = Phase.storyboard,
    room: Room | None = None,
    chosen: bool = True,
) -> Stage:
    board = make_board(db, facilitator_client, members=2, ideas=2, phase=phase, room=room)
    if chosen:
        choose(db, board, 0)
    return Stage(board=board)


def choose(db: Session, board: Board, idea: int) -> TableChoice:
    choice = TableChoice(
        workshop_id=board.room.workshop.id,
        table_id=board.table.id,
        idea_id=board.ideas[idea].id,
        decided_by=DecidedBy.majority,
    )
    db.add(choice)
    db.commit()
    return choice


def png_bytes(size: tuple[int, int] = (40, 30), color: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def png_bomb(side: int = 6000) -> bytes:
    """A real greyscale PNG of side x side pixels (36 MP for 6000) whose zeros compress to a few
    tens of kilobytes: decoding it would take side*side bytes of memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = side.to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    packer = zlib.compressobj(9)
    row = b"\x00" * (side + 1)
    compressed = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", compressed)
        + chunk(b"IEND", b"")
    )


def upload_files(data: bytes, name: str = "picture.png", kind: str = "image/png") -> Any:
    return {"file": (name, data, kind)}


async def upload(
    client: httpx.AsyncClient, url: str, data: bytes, headers: dict[str, str], **kw: Any
) -> httpx.Response:
    return await client.post(url, files=upload_files(data, **kw), headers=headers)


def uploads_on_disk(app: FastAPI) -> list[Path]:
    root: Path = app.state.settings.data_dir / "uploads"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def nothing_stored(app: FastAPI) -> None:
    assert count(app, UploadedImage) == 0
    assert uploads_on_disk(app) == []


def frame_count(app: FastAPI) -> int:
    return count(app, StoryboardFrame)


def storyboard_count(app: FastAPI) -> int:
    return count(app, Storyboard)
