"""Where picture bytes live: a small `ImageStore` protocol, and the default store on disk.

Keys are random and made here, never from a file name, so a key cannot point outside the store.
Another store (object storage, say) replaces the default through FastAPI's dependency overrides
of `image_store`.
"""

import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import Annotated, Protocol

from fastapi import Depends

from backend.deps import AppSettings

KEY_PATTERN = re.compile(r"^[0-9a-f]{32}\.(png|jpg|webp)$")


def new_key(extension: str) -> str:
    return f"{secrets.token_hex(16)}.{extension}"


class ImageStore(Protocol):
    def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key` (a key from `new_key`), replacing nothing else."""

    def get(self, key: str) -> bytes | None:
        """The bytes under `key`, or None when they are gone."""


class FilesystemImageStore:
    """Files under `root/<first two characters of the key>/<key>`, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if not KEY_PATTERN.match(key):
            raise ValueError(f"not an image key: {key!r}")
        return self.root / key[:2] / key

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None


def image_store(settings: AppSettings) -> ImageStore:
    """The app's store: `DATA_DIR/uploads` unless overridden."""
    return FilesystemImageStore(settings.data_dir / "uploads")


Store = Annotated[ImageStore, Depends(image_store)]
