"""The perspectives slice's problems, each with a stable code and an English and Welsh title."""

from backend.errors import Conflict, NotFound, RuleBroken


class NotSeated(Conflict):
    code = "not_seated"
    title_en = "You are not seated at a table yet"
    title_cy = "Nid ydych yn eistedd wrth fwrdd eto"


class PromptCardNotFound(NotFound):
    code = "prompt_card_not_found"
    title_en = "No such prompt card in this organisation"
    title_cy = "Nid oes cerdyn ysgogi o'r fath yn y sefydliad hwn"


class CardTextRequired(RuleBroken):
    code = "card_text_required"
    title_en = "A prompt card needs its text in English, Welsh or both"
    title_cy = "Mae angen testun cerdyn ysgogi yn Saesneg, Cymraeg neu'r ddwy iaith"


class DrawConflict(Conflict):
    code = "draw_conflict"
    title_en = "Someone at your table drew a card at the same moment; see the drawn cards"
    title_cy = (
        "Tynnodd rhywun wrth eich bwrdd gerdyn ar yr un pryd; edrychwch ar y cardiau a dynnwyd"
    )
