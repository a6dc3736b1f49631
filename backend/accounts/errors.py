"""The account slice's problems, each with a stable code and English and Welsh titles."""

from backend.errors import AppError, Conflict, Forbidden, NotFound, TooManyRequests, Unauthenticated


class EmailTaken(Conflict):
    code = "email_taken"
    title_en = "An account with this email address already exists"
    title_cy = "Mae cyfrif gyda'r cyfeiriad e-bost hwn yn bodoli eisoes"


class InvalidCredentials(Unauthenticated):
    code = "invalid_credentials"
    title_en = "The email address or password is not right"
    title_cy = "Nid yw'r cyfeiriad e-bost neu'r cyfrinair yn gywir"


class TooManyAttempts(TooManyRequests):
    code = "too_many_attempts"
    title_en = "Too many attempts; wait a few minutes and try again"
    title_cy = "Gormod o ymdrechion; arhoswch ychydig funudau a rhowch gynnig arall arni"


class ResetTokenInvalid(AppError):
    status = 400
    code = "reset_token_invalid"
    title_en = "This password reset link is not valid, has been used or has expired"
    title_cy = "Nid yw'r ddolen ailosod cyfrinair hon yn ddilys, mae wedi'i defnyddio neu mae wedi dod i ben"


class CookieSessionRequired(Forbidden):
    code = "cookie_session_required"
    title_en = "Sign in with a browser to do this (an access token cannot)"
    title_cy = "Mewngofnodwch mewn porwr i wneud hyn (ni all tocyn mynediad)"


class TokenNotFound(NotFound):
    code = "token_not_found"
    title_en = "No such access token"
    title_cy = "Nid oes tocyn mynediad o'r fath"
