"""The download's file name: `cyd-<title>-<date>-results.<ext>`, safe for every browser.

The plain `filename` is ASCII (ŵ → w, â → a); the full title, Welsh letters and all, goes in the
RFC 5987 `filename*` that current browsers prefer.
"""

import re
import unicodedata
from datetime import date
from urllib.parse import quote


def content_disposition(title: str | None, day: date, extension: str) -> str:
    """`attachment` with an ASCII filename plus the full (Welsh) one as RFC 5987 `filename*`."""
    words = re.findall(r"\w+", (title or "").lower())
    unicode_slug = "-".join(words)[:80].strip("-") or "session"
    ascii_text = unicodedata.normalize("NFKD", unicode_slug).encode("ascii", "ignore").decode()
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "session"
    suffix = f"{day.isoformat()}-results.{extension}"
    ascii_name = f"cyd-{ascii_slug}-{suffix}"
    unicode_name = f"cyd-{unicode_slug}-{suffix}"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(unicode_name, safe='')}"
