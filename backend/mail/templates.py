"""Every email the product sends, in English and Welsh (plain text).

Values are substituted with `str.format`, so only the template text is interpreted: a name
containing braces is inserted as written.
"""

from dataclasses import dataclass

from backend.kit.i18n import Locale


@dataclass(frozen=True)
class Template:
    subject: str
    text: str


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str


TEMPLATES: dict[str, dict[Locale, Template]] = {
    "password_reset": {
        "en": Template(
            subject="Reset your Cyd password",
            text=(
                "Hello {name},\n\n"
                "We received a request to reset the password of your Cyd account ({email}). "
                "To choose a new password, open this link. It works for one hour, and only once:\n\n"
                "{link}\n\n"
                "If you did not ask for this, you can ignore this message; your password will "
                "not change.\n\n"
                "Cyd\n"
            ),
        ),
        "cy": Template(
            subject="Ailosod eich cyfrinair Cyd",
            text=(
                "Helo {name},\n\n"
                "Cawsom gais i ailosod y cyfrinair ar gyfer eich cyfrif Cyd ({email}). "
                "I ddewis cyfrinair newydd, agorwch y ddolen hon. Mae'n gweithio am awr, "
                "ac unwaith yn unig:\n\n"
                "{link}\n\n"
                "Os na wnaethoch chi ofyn am hyn, gallwch anwybyddu'r neges hon; ni fydd eich "
                "cyfrinair yn newid.\n\n"
                "Cyd\n"
            ),
        ),
    },
    "invitation": {
        "en": Template(
            subject="Cyd: an invitation to join {organisation}",
            text=(
                "Hello,\n\n"
                "{inviter} has invited you to join {organisation} as {role_name}. "
                "Cyd helps organisations run co-creation workshops with the people who use "
                "their services.\n\n"
                "To accept the invitation, open this link within 7 days:\n\n"
                "{link}\n\n"
                "If you were not expecting this message, you can ignore it.\n\n"
                "Cyd\n"
            ),
        ),
        "cy": Template(
            subject="Cyd: gwahoddiad i ymuno {a_ag} {organisation}",
            text=(
                "Helo,\n\n"
                "Mae {inviter} wedi eich gwahodd i ymuno {a_ag} {organisation} fel {role_name}. "
                "Mae Cyd yn helpu sefydliadau i gynnal gweithdai cyd-greu gyda'r bobl sy'n "
                "defnyddio eu gwasanaethau.\n\n"
                "I dderbyn y gwahoddiad, agorwch y ddolen hon o fewn 7 diwrnod:\n\n"
                "{link}\n\n"
                "Os nad oeddech chi'n disgwyl y neges hon, gallwch ei hanwybyddu.\n\n"
                "Cyd\n"
            ),
        ),
    },
}

ROLE_NAMES: dict[str, dict[Locale, str]] = {
    "owner": {"en": "an owner", "cy": "perchennog"},
    "facilitator": {"en": "a facilitator", "cy": "hwylusydd"},
}

_WELSH_VOWELS = tuple("aeiouâêîôûAEIOUÂÊÎÔÛ")


def welsh_with(word: str) -> str:
    """Welsh 'with' is 'â' before a consonant and 'ag' before a vowel."""
    return "ag" if word.startswith(_WELSH_VOWELS) else "â"


def _derived(values: dict[str, str], locale: Locale) -> dict[str, str]:
    extra: dict[str, str] = {}
    if "role" in values:
        extra["role_name"] = ROLE_NAMES[values["role"]][locale]
    if "organisation" in values:
        extra["a_ag"] = welsh_with(values["organisation"])
    return extra


def render(template: str, locale: Locale, **values: str) -> Rendered:
    """The subject and body of `template` in `locale`; a missing value raises KeyError."""
    chosen = TEMPLATES[template][locale]
    values = {**values, **_derived(values, locale)}
    return Rendered(
        subject=" ".join(chosen.subject.format(**values).split()),
        text=chosen.text.format(**values),
    )
