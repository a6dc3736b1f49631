"""The pitches slice's problems, each with a stable code and an English and Welsh title."""

from backend.errors import Conflict, NotFound, RuleBroken


class PitchNotFound(NotFound):
    code = "pitch_not_found"
    title_en = "No such pitch in this session"
    title_cy = "Nid oes cyflwyniad o'r fath yn y sesiwn hon"


class ResponseNotFound(NotFound):
    code = "pitch_response_not_found"
    title_en = "No such response to your table's pitch"
    title_cy = "Nid oes ymateb o'r fath i gyflwyniad eich bwrdd"


class NoChosenIdea(RuleBroken):
    code = "no_chosen_idea"
    title_en = "The table has not chosen an idea yet"
    title_cy = "Nid yw'r bwrdd wedi dewis syniad eto"


class OwnPitch(RuleBroken):
    code = "own_pitch"
    title_en = "Tables respond to other tables' pitches, not their own"
    title_cy = "Mae byrddau'n ymateb i gyflwyniadau byrddau eraill, nid eu rhai eu hunain"


class CapitalNotPooled(RuleBroken):
    code = "capital_not_pooled"
    title_en = "Offer only the kinds of capital your table has shared as strengths"
    title_cy = "Cynigiwch dim ond y mathau o gyfalaf y mae eich bwrdd wedi'u rhannu fel cryfderau"


class OfferNeedsCapital(RuleBroken):
    code = "offer_needs_capital"
    title_en = "An offer of help names at least one kind of capital; other responses name none"
    title_cy = (
        "Mae cynnig help yn enwi o leiaf un math o gyfalaf; nid yw ymatebion eraill yn enwi dim"
    )


class NotAQuestion(RuleBroken):
    code = "not_a_question"
    title_en = "Only questions take a reply"
    title_cy = "Dim ond cwestiynau sy'n cael ateb"


class PitchChanged(Conflict):
    code = "pitch_changed"
    title_en = "Someone saved this pitch since you loaded it"
    title_cy = "Mae rhywun wedi cadw'r cyflwyniad hwn ers i chi ei lwytho"


class PresenterNotRunning(Conflict):
    code = "presenter_not_running"
    title_en = "Presenter mode is not running"
    title_cy = "Nid yw'r modd cyflwyno'n rhedeg"


class PresenterAtEnd(Conflict):
    code = "presenter_at_end"
    title_en = "There is no table further in that direction"
    title_cy = "Nid oes bwrdd pellach i'r cyfeiriad hwnnw"


class NoTables(Conflict):
    code = "no_tables"
    title_en = "The session has no tables to present"
    title_cy = "Nid oes gan y sesiwn fyrddau i'w cyflwyno"
