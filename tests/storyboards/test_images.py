"""Uploading pictures: only real PNG, JPEG or WebP within the caps, stored re-encoded without
metadata, served inert to the session only. A refused file leaves nothing behind."""

import io
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from PIL import ExifTags, Image
from sqlmodel import Session, select

from backend.models import Phase, UploadedImage
from tests.factories.ideas import count
from tests.factories.tables import assert_problem, read_rows
from tests.storyboards.helpers import (
    ME,
    Stage,
    make_stage,
    nothing_stored,
    png_bomb,
    png_bytes,
    upload,
    uploads_on_disk,
)

IMAGES = f"{ME}/images"


@pytest.fixture
def stage(db: Session) -> Stage:
    return make_stage(db)


def jpeg_with_gps(size: tuple[int, int] = (60, 40), orientation: int | None = None) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 28.0, 52.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (3.0, 10.0, 44.0)
    out = io.BytesIO()
    Image.new("RGB", size, "orange").save(out, "JPEG", exif=exif)
    return out.getvalue()


def encoded(fmt: str, **save: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA" if fmt != "JPEG" else "RGB", (32, 24), "purple").save(out, fmt, **save)
    return out.getvalue()


async def fetch(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> Image.Image:
    response = await client.get(url, headers=headers)
    assert response.status_code == 200, response.text
    return Image.open(io.BytesIO(response.content))


class TestUpload:
    @pytest.mark.parametrize(
        ("data", "content_type"),
        [
            (png_bytes(), "image/png"),
            (encoded("JPEG"), "image/jpeg"),
            (encoded("WEBP"), "image/webp"),
        ],
    )
    async def test_valid(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage, data: bytes, content_type: str
    ) -> None:
        # The declared name and type are ignored: the content decides.
        response = await upload(client, IMAGES, data, stage.auth(), name="x.bin", kind="text/plain")
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["content_type"] == content_type
        assert (body["width"], body["height"]) in ((40, 30), (32, 24))
        assert body["url"] == f"/api/v1/images/{body['id']}"
        row = read_rows(app, select(UploadedImage))[0]
        assert row.table_id == stage.board.table.id
        assert row.uploaded_by_participant_id == stage.board.members[0].id
        assert len(row.sha256) == 64
        assert len(uploads_on_disk(app)) == 1

    async def test_gps_and_other_metadata_removed(
        self, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        original = jpeg_with_gps()
        assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
        body = (await upload(client, IMAGES, original, stage.auth(), name="p.jpg")).json()
        response = await client.get(body["url"], headers=stage.auth())
        stored = Image.open(io.BytesIO(response.content))
        assert dict(stored.getexif()) == {}
        assert "exif" not in stored.info
        assert b"Exif" not in response.content
        assert b"PhoneMaker" not in response.content

    async def test_orientation_applied(self, client: httpx.AsyncClient, stage: Stage) -> None:
        sideways = jpeg_with_gps(size=(60, 40), orientation=6)  # "rotate 90° to view"
        body = (await upload(client, IMAGES, sideways, stage.auth())).json()
        assert (body["width"], body["height"]) == (40, 60)

    async def test_png_text_and_icc_removed(self, client: httpx.AsyncClient, stage: Stage) -> None:
        from PIL import ImageCms, PngImagePlugin

        info = PngImagePlugin.PngInfo()
        info.add_text("Location", "51.48N 3.18W")
        icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        data = encoded("PNG", pnginfo=info, icc_profile=icc)
        body = (await upload(client, IMAGES, data, stage.auth())).json()
        response = await client.get(body["url"], headers=stage.auth())
        assert b"51.48N" not in response.content
        assert Image.open(io.BytesIO(response.content)).info.get("icc_profile") is None

    async def test_large_pictures_scaled_down(
        self, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        body = (await upload(client, IMAGES, png_bytes((3000, 1000)), stage.auth())).json()
        assert (body["width"], body["height"]) == (2048, 683)

    async def test_facilitator_for_a_table(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        stage = make_stage(db, client)
        response = await upload(client, f"{stage.table_base}/images", png_bytes(), {})
        assert response.status_code == 201, response.text
        row = read_rows(app, select(UploadedImage))[0]
        assert row.uploaded_by_user_id == stage.board.room.facilitator.user.id
        assert row.table_id == stage.board.table.id


def truncated_png() -> bytes:
    data = png_bytes((200, 200), "navy")
    return data[: len(data) // 2]


def gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    return out.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


class TestRefusedUploads:
    @pytest.mark.parametrize(
        ("data", "name", "status", "code"),
        [
            (EXE, "holiday.png", 415, "unsupported_image"),
            (b"just some words\n" * 20, "notes.png", 415, "unsupported_image"),
            (SVG, "drawing.svg", 415, "unsupported_image"),
            (gif(), "anim.gif", 415, "unsupported_image"),
            (b"", "empty.png", 415, "unsupported_image"),
            (truncated_png(), "cut.png", 422, "image_unreadable"),
            (png_bomb(), "bomb.png", 422, "image_too_many_pixels"),
        ],
    )
    async def test_disguised_damaged_or_bombs(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        stage: Stage,
        data: bytes,
        name: str,
        status: int,
        code: str,
    ) -> None:
        response = await upload(client, IMAGES, data, stage.auth(), name=name)
        assert_problem(response, status, code)
        nothing_stored(app)

    async def test_pillow_bomb_guard_also_refuses(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        app.state.settings.upload_max_pixels = 10**12  # only Pillow's own guard is left
        response = await upload(client, IMAGES, png_bomb(14000), stage.auth())
        assert_problem(response, 422, "image_too_many_pixels")
        nothing_stored(app)

    async def test_over_the_byte_cap(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        app.state.settings.upload_max_bytes = 1000
        response = await upload(client, IMAGES, png_bytes() + b"\x00" * 2000, stage.auth())
        assert_problem(response, 413, "upload_too_large")
        nothing_stored(app)

    async def test_declared_length_refused_before_reading(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        app.state.settings.upload_max_bytes = 1000
        headers = stage.auth() | {
            "Content-Type": "multipart/form-data; boundary=x",
            "Content-Length": str(10**9),
        }
        response = await client.post(IMAGES, content=b"--x--\r\n", headers=headers)
        assert_problem(response, 413, "upload_too_large")
        nothing_stored(app)

    async def test_streamed_body_stopped_at_the_cap(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        app.state.settings.upload_max_bytes = 70_000
        sent = 0

        async def endless() -> AsyncIterator[bytes]:
            nonlocal sent
            yield b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n'
            while sent < 10_000_000:
                sent += 16_384
                yield b"\x00" * 16_384

        headers = stage.auth() | {"Content-Type": "multipart/form-data; boundary=x"}
        response = await client.post(IMAGES, content=endless(), headers=headers)
        assert_problem(response, 413, "upload_too_large")
        assert sent < 1_000_000
        nothing_stored(app)

    @pytest.mark.parametrize("case", ["no_file_part", "two_files", "json", "text_field"])
    async def test_malformed_requests(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage, case: str
    ) -> None:
        picture = ("a.png", png_bytes(), "image/png")
        if case == "json":
            response = await client.post(IMAGES, json={"file": "abc"}, headers=stage.auth())
            assert_problem(response, 415, "multipart_required")
        else:
            files = {
                "no_file_part": [("other", picture)],
                "two_files": [("file", picture), ("file", picture)],
                "text_field": [("other", picture)],
            }[case]
            data = {"file": "not a file"} if case == "text_field" else {"x": "1"}
            response = await client.post(IMAGES, files=files, data=data, headers=stage.auth())
            assert response.status_code in (400, 422), response.text
            assert response.headers["content-type"] == "application/problem+json"
        nothing_stored(app)

    @pytest.mark.parametrize("phase", [Phase.reduce, Phase.glue])
    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, phase: Phase
    ) -> None:
        stage = make_stage(db, phase=phase)
        response = await upload(client, IMAGES, png_bytes(), stage.auth())
        assert_problem(response, 422, "phase_closed")
        nothing_stored(app)

    async def test_no_chosen_idea(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        stage = make_stage(db, chosen=False)
        response = await upload(client, IMAGES, png_bytes(), stage.auth())
        assert_problem(response, 409, "no_chosen_idea")
        nothing_stored(app)

    async def test_anonymous(self, app: FastAPI, client: httpx.AsyncClient, stage: Stage) -> None:
        response = await upload(client, IMAGES, png_bytes(), {})
        assert_problem(response, 401, "unauthenticated")
        nothing_stored(app)


class TestAttach:
    async def test_frame_with_a_picture(self, client: httpx.AsyncClient, stage: Stage) -> None:
        image = (await upload(client, IMAGES, png_bytes(), stage.auth())).json()
        body = {"title": "At the stop", "image_id": image["id"], "image_alt": "A bus shelter"}
        frame = (await client.post(f"{ME}/frames", json=body, headers=stage.auth())).json()
        assert frame["image"]["alt"] == "A bus shelter"
        assert frame["image"]["url"] == image["url"]
        removed = await client.patch(
            f"{ME}/frames/{frame['id']}",
            json={"image_id": None},
            headers=stage.auth() | {"If-Match": '"1"'},
        )
        assert removed.json()["image"] is None

    @pytest.mark.parametrize("alt", [None, "", "   "])
    async def test_alt_text_required(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage, alt: str | None
    ) -> None:
        image = (await upload(client, IMAGES, png_bytes(), stage.auth())).json()
        body = {"title": "At the stop", "image_id": image["id"], "image_alt": alt}
        response = await client.post(f"{ME}/frames", json=body, headers=stage.auth())
        assert_problem(response, 422, "alt_text_required")

    async def test_alt_text_cannot_be_cleared(
        self, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        image = (await upload(client, IMAGES, png_bytes(), stage.auth())).json()
        body = {"title": "At the stop", "image_id": image["id"], "image_alt": "A shelter"}
        frame = (await client.post(f"{ME}/frames", json=body, headers=stage.auth())).json()
        response = await client.patch(
            f"{ME}/frames/{frame['id']}",
            json={"image_alt": ""},
            headers=stage.auth() | {"If-Match": '"1"'},
        )
        assert_problem(response, 422, "alt_text_required")

    async def test_another_tables_picture(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        other = make_stage(db, room=stage.board.room)
        theirs = (await upload(client, IMAGES, png_bytes(), other.auth())).json()
        body = {"title": "Borrowed", "image_id": theirs["id"], "image_alt": "Their picture"}
        response = await client.post(f"{ME}/frames", json=body, headers=stage.auth())
        assert_problem(response, 404, "image_not_found")
        assert count(app, UploadedImage) == 1
