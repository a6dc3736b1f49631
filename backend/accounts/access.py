"""Who may manage an account's credentials: a signed-in browser, never an access token."""

from typing import Annotated

from fastapi import Depends

from backend.accounts.errors import CookieSessionRequired
from backend.auth.facilitator import Facilitator
from backend.deps import AnyFacilitator


def _browser_facilitator(facilitator: AnyFacilitator) -> Facilitator:
    if not facilitator.via_cookie:
        raise CookieSessionRequired()
    return facilitator


BrowserFacilitator = Annotated[Facilitator, Depends(_browser_facilitator)]
