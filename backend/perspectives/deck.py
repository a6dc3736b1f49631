"""The built-in prompt cards ("the oracle"), in English and Welsh, for co-producing public services.

Each card's id is derived from its key, so it never changes between releases: draws keep
pointing at the same card. Add new cards at the end with a new key; never reuse a key.
"""

import uuid
from dataclasses import dataclass

_NAMESPACE = uuid.UUID("6f1d3c2e-5b0a-4c8e-9a51-7d2e0c4b9f13")


@dataclass(frozen=True)
class Card:
    id: uuid.UUID
    text_en: str | None
    text_cy: str | None
    builtin: bool


def _card(key: str, en: str, cy: str) -> Card:
    return Card(id=uuid.uuid5(_NAMESPACE, key), text_en=en, text_cy=cy, builtin=True)


BUILTIN_DECK: tuple[Card, ...] = (
    _card(
        "user-designed",
        "What would this look like if the person using the service designed it?",
        "Sut olwg fyddai ar hyn pe bai'r person sy'n defnyddio'r gwasanaeth yn ei gynllunio?",
    ),
    _card(
        "who-is-missing",
        "Who is missing from this conversation, and how could we hear from them?",
        "Pwy sydd ar goll o'r sgwrs hon, a sut gallem ni glywed ganddyn nhw?",
    ),
    _card(
        "child-notices",
        "What would a child notice first about this problem?",
        "Beth fyddai plentyn yn sylwi arno gyntaf am y broblem hon?",
    ),
    _card(
        "good-day",
        "What does a good day look like for someone who uses this service?",
        "Sut olwg sydd ar ddiwrnod da i rywun sy'n defnyddio'r gwasanaeth hwn?",
    ),
    _card(
        "unused-strengths",
        "What strengths does the community already have that we are not using?",
        "Pa gryfderau sydd gan y gymuned eisoes nad ydyn ni'n eu defnyddio?",
    ),
    _card(
        "no-budget",
        "What if we had no budget at all?",
        "Beth pe na bai gennym ni unrhyw gyllideb o gwbl?",
    ),
    _card(
        "start-tomorrow",
        "What if we had to start it tomorrow morning?",
        "Beth pe bai'n rhaid i ni ei ddechrau bore yfory?",
    ),
    _card(
        "break-a-rule",
        "Which rule would you break to make this work, and why does that rule exist?",
        "Pa reol fyddech chi'n ei thorri i wneud i hyn weithio, a pham mae'r rheol honno'n bodoli?",
    ),
    _card(
        "first-contact",
        "Where does someone first meet this service, and how does that feel?",
        "Ble mae rhywun yn dod ar draws y gwasanaeth hwn gyntaf, a sut deimlad yw hynny?",
    ),
    _card(
        "trust",
        "What would make someone trust this service?",
        "Beth fyddai'n gwneud i rywun ymddiried yn y gwasanaeth hwn?",
    ),
    _card(
        "other-services",
        "Which other public service could help, if we asked?",
        "Pa wasanaeth cyhoeddus arall allai helpu, pe baen ni'n gofyn?",
    ),
    _card(
        "rural",
        "What would this look like in a small village with one bus a day?",
        "Sut olwg fyddai ar hyn mewn pentref bach gydag un bws y dydd?",
    ),
    _card(
        "welsh-first",
        "How would this work for someone whose first language is Welsh?",
        "Sut byddai hyn yn gweithio i rywun sy'n siarad Cymraeg fel iaith gyntaf?",
    ),
    _card(
        "offline",
        "How would this work for someone without a smartphone or the internet?",
        "Sut byddai hyn yn gweithio i rywun heb ffôn clyfar na'r rhyngrwyd?",
    ),
    _card(
        "assumptions",
        "What are we assuming about what people can do and understand?",
        "Beth rydyn ni'n ei dybio am yr hyn y gall pobl ei wneud a'i ddeall?",
    ),
    _card(
        "smallest-change",
        "What is the smallest change that would make a real difference?",
        "Beth yw'r newid lleiaf a fyddai'n gwneud gwahaniaeth go iawn?",
    ),
    _card(
        "boldest",
        "What would the boldest version of this idea be?",
        "Beth fyddai'r fersiwn fwyaf beiddgar o'r syniad hwn?",
    ),
    _card(
        "who-says-yes",
        "Who would have to say yes, and what would persuade them?",
        "Pwy fyddai'n gorfod dweud ie, a beth fyddai'n eu perswadio nhw?",
    ),
    _card(
        "three-am",
        "What happens at three o'clock in the morning?",
        "Beth sy'n digwydd am dri o'r gloch y bore?",
    ),
    _card(
        "neighbours",
        "What could a neighbour, a shop or a school do to help?",
        "Beth allai cymydog, siop neu ysgol ei wneud i helpu?",
    ),
    _card(
        "stop-doing",
        "What would we stop doing to make room for this?",
        "Beth fydden ni'n rhoi'r gorau i'w wneud er mwyn gwneud lle i hyn?",
    ),
    _card(
        "a-year-on",
        "How would we know, a year from now, that life is better for people?",
        "Sut bydden ni'n gwybod, ymhen blwyddyn, fod bywyd yn well i bobl?",
    ),
    _card(
        "carers-see",
        "What does a carer, a parent or a friend see that professionals miss?",
        "Beth mae gofalwr, rhiant neu ffrind yn ei weld nad yw gweithwyr proffesiynol yn sylwi arno?",
    ),
    _card(
        "make-it-worse",
        "Turn the problem upside down: how could we make it worse? Now reverse each answer.",
        "Trowch y broblem ben i waered: sut gallem ni ei gwneud hi'n waeth? Nawr trowch bob ateb "
        "wyneb i waered.",
    ),
    _card(
        "run-by-users",
        "What would this look like if it were run by the people who use it?",
        "Sut olwg fyddai ar hyn pe bai'n cael ei redeg gan y bobl sy'n ei ddefnyddio?",
    ),
    _card(
        "habit-not-rule",
        "Which barrier is really a habit rather than a rule?",
        "Pa rwystr sydd mewn gwirionedd yn arfer yn hytrach nag yn rheol?",
    ),
    _card(
        "who-keeps-it-going",
        "How could this keep going after today, and who would look after it?",
        "Sut gallai hyn barhau ar ôl heddiw, a phwy fyddai'n gofalu amdano?",
    ),
    _card(
        "safe-to-ask",
        'What would make it easy to say "I don\'t understand"?',
        "Beth fyddai'n ei gwneud hi'n hawdd dweud \"Dydw i ddim yn deall\"?",
    ),
)
