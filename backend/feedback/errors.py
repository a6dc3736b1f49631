"""The feedback slice's problems."""

from backend.errors import Conflict


class FeedbackNotOpen(Conflict):
    code = "feedback_not_open"
    title_en = "Feedback on the session opens in the glue phase"
    title_cy = "Mae adborth ar y sesiwn yn agor yng nghyfnod y glud"
