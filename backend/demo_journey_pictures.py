"""A small drawn picture for each journey demo storyboard (a valley, a road and the table's own
colour), stored through the storyboards slice's image pipeline as an upload would be."""

import io
import uuid

from PIL import Image, ImageDraw
from sqlmodel import Session

from backend.config import Settings
from backend.models import UploadedImage, Workshop, WorkshopTable
from backend.storyboards.images import clean_image
from backend.storyboards.storage import image_store, new_key

COLOURS = ["#c8102e", "#00703c", "#1d70b8"]  # a bus, a library door, a phone
ALT = "A drawing of a green valley with a road winding through it"


def _drawing(colour: str) -> bytes:
    picture = Image.new("RGB", (480, 320), "#cfe8f7")
    pen = ImageDraw.Draw(picture)
    pen.polygon([(0, 320), (0, 150), (160, 90), (300, 170), (480, 110), (480, 320)], "#4c8c4a")
    pen.polygon([(0, 320), (0, 230), (240, 180), (480, 240), (480, 320)], "#2f6b3a")
    pen.line([(40, 320), (200, 250), (300, 240), (460, 200)], "#9a9a9a", width=14)
    pen.rounded_rectangle([(190, 200), (290, 250)], radius=10, fill=colour)
    pen.ellipse([(380, 30), (440, 90)], "#ffd966")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def store_picture(
    db: Session,
    settings: Settings,
    *,
    workshop: Workshop,
    table: WorkshopTable,
    uploader_id: uuid.UUID,
) -> UploadedImage:
    """The table's picture, cleaned and stored like an upload from one of its members."""
    clean = clean_image(
        _drawing(COLOURS[(table.number - 1) % len(COLOURS)]),
        max_pixels=settings.upload_max_pixels,
    )
    key = new_key(clean.extension)
    image_store(settings).put(key, clean.data)
    image = UploadedImage(
        workshop_id=workshop.id,
        table_id=table.id,
        storage_key=key,
        content_type=clean.content_type,
        width=clean.width,
        height=clean.height,
        bytes=len(clean.data),
        sha256=clean.sha256,
        uploaded_by_participant_id=uploader_id,
    )
    db.add(image)
    db.flush()
    return image
