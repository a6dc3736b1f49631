"""Text that can be written in English and Welsh, with a fallback to the one that exists."""

from typing import Literal

from pydantic import BaseModel, Field

Locale = Literal["en", "cy"]
LOCALES: tuple[Locale, ...] = ("en", "cy")


class LocalizedText(BaseModel):
    """`{"en": ..., "cy": ...}`; either may be absent. Readers fall back to the other language."""

    en: str | None = Field(default=None, max_length=4000)
    cy: str | None = Field(default=None, max_length=4000)

    def resolve(self, locale: Locale) -> str | None:
        first, second = (self.cy, self.en) if locale == "cy" else (self.en, self.cy)
        return first or second


class LocalizedTitle(LocalizedText):
    en: str | None = Field(default=None, max_length=200)
    cy: str | None = Field(default=None, max_length=200)


def pick(en: str | None, cy: str | None, locale: Locale) -> str | None:
    """The text in `locale`, or in the other language when only that one exists."""
    return LocalizedText(en=en, cy=cy).resolve(locale)
