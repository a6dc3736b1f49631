"""Pictures people upload, made safe: PNG, JPEG or WebP judged from the content (never the name or
the declared type), the pixel count checked from the header before anything is decoded, EXIF
orientation applied, colours brought to sRGB, and the result re-encoded from bare pixels so that no
EXIF (GPS location, camera, time), XMP, ICC or text chunk survives.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from backend.storyboards.errors import ImageTooManyPixels, ImageUnreadable, UnsupportedImage

# Pillow's format name -> (content type, file extension). MPO is how Pillow names a JPEG that
# carries extra pictures (many phones' photos); its first picture is kept, as a JPEG.
FORMATS: dict[str, tuple[str, str]] = {
    "PNG": ("image/png", "png"),
    "JPEG": ("image/jpeg", "jpg"),
    "MPO": ("image/jpeg", "jpg"),
    "WEBP": ("image/webp", "webp"),
}
OPENERS = ["PNG", "JPEG", "WEBP"]
MAX_SIDE = 2048  # longer pictures are scaled down: plenty for a frame on a phone or a projector
ALPHA_MODES = ("RGBA", "LA", "PA", "RGBa", "La")


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    content_type: str
    extension: str
    width: int
    height: int
    sha256: str


def clean_image(raw: bytes, *, max_pixels: int) -> CleanImage:
    """The picture in `raw`, re-encoded without metadata; raises 415 `unsupported_image`,
    422 `image_too_many_pixels` or 422 `image_unreadable`."""
    with warnings.catch_warnings():
        # Pillow's own bomb guard (a warning first, an error at twice the limit): both refuse.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(raw), formats=OPENERS) as opened:
                name = opened.format or ""
                if name not in FORMATS:
                    raise UnsupportedImage(f"This is a {name or 'unknown'} picture")
                width, height = opened.size  # from the header: nothing decoded yet
                if width * height > max_pixels:
                    raise ImageTooManyPixels(
                        f"{width} x {height} pixels; at most {max_pixels:,} pixels in all"
                    )
                if name in ("JPEG", "MPO"):
                    opened.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode at a reduced scale
                opened.load()
                picture = _upright_srgb(opened)
        except UnidentifiedImageError as exc:
            raise UnsupportedImage("The file is not a PNG, JPEG or WebP picture") from exc
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageTooManyPixels(str(exc)) from exc
        except (OSError, SyntaxError, ValueError, EOFError, IndexError) as exc:
            raise ImageUnreadable(str(exc)) from exc
    content_type, extension = FORMATS[name]
    data = _encode(picture, "JPEG" if name == "MPO" else name)
    return CleanImage(
        data=data,
        content_type=content_type,
        extension=extension,
        width=picture.width,
        height=picture.height,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ALPHA_MODES or "transparency" in image.info


def _upright_srgb(image: Image.Image) -> Image.Image:
    """Turned as the EXIF orientation says, in RGB(A) or L, sRGB, at most MAX_SIDE, and copied
    into a fresh image that carries no `info` (metadata) at all."""
    upright = ImageOps.exif_transpose(image) or image
    if upright.mode.startswith(("I", "F")):  # 16-bit or float greyscale: scaled to 8 bits
        upright = upright.convert("I").point(lambda v: v / 256).convert("L")
    alpha = _has_alpha(upright)
    mode = "RGBA" if alpha else ("L" if upright.mode in ("1", "L") else "RGB")
    converted = _to_srgb(upright, mode)
    if max(converted.size) > MAX_SIDE:
        converted.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    bare = Image.new(converted.mode, converted.size)
    bare.paste(converted)
    return bare


def _to_srgb(image: Image.Image, mode: str) -> Image.Image:
    icc = image.info.get("icc_profile")
    if icc and mode != "L":
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
            base = image if image.mode in ("RGB", "RGBA", "CMYK") else image.convert(mode)
            converted = ImageCms.profileToProfile(base, source, srgb, outputMode=mode)
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an odd profile: the pixels as they are
    return image.convert(mode)


def _encode(image: Image.Image, name: str) -> bytes:
    out = io.BytesIO()
    if name == "JPEG":
        rgb = image.convert("RGB") if image.mode == "RGBA" else image
        rgb.save(out, "JPEG", quality=85, optimize=True)
    elif name == "WEBP":
        image.save(out, "WEBP", quality=85, method=4)
    else:
        image.save(out, "PNG", compress_level=6)
    return out.getvalue()
