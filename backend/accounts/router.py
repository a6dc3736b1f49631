"""/auth/...: signing up, in and out, the signed-in user, password resets and access tokens."""

import uuid
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Request, Response, status

from backend.accounts import repository, service
from backend.accounts.access import BrowserFacilitator
from backend.accounts.errors import InvalidCredentials, TooManyAttempts
from backend.accounts.schemas import (
    Me,
    MeUpdate,
    PasswordResetConfirm,
    PasswordResetRequest,
    ScopePublic,
    SignIn,
    SignUp,
    TokenCreate,
    TokenCreated,
    TokenPublic,
)
from backend.accounts.sessions import sign_in_browser, sign_out_browser
from backend.accounts.throttle import reset_client_limit, reset_email_limit, signin_limits
from backend.auth.csrf import check_origin
from backend.auth.facilitator import Facilitator, optional_facilitator
from backend.auth.scopes import SCOPES
from backend.deps import AnyFacilitator, AppSettings, DbSession, Limiter, Paging
from backend.errors import problem_responses
from backend.kit.pagination import Page, paginate
from backend.mail import send_after_response
from backend.models import PersonalAccessToken

router = APIRouter(prefix="/auth", tags=["auth"])

MaybeFacilitator = Annotated[Facilitator | None, Depends(optional_facilitator)]


@router.post(
    "/signup",
    name="auth-signup",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 409),
)
def sign_up(
    data: SignUp, request: Request, response: Response, db: DbSession, settings: AppSettings
) -> Me:
    """Create an account and its first organisation (you become its owner), and sign in."""
    check_origin(request, settings, required=False)
    user = service.sign_up(db, data=data)
    sign_in_browser(db, settings=settings, request=request, response=response, user=user)
    return service.me(db, user)


@router.post("/signin", name="auth-signin", responses=problem_responses(401, 403, 429))
def sign_in(
    data: SignIn,
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
    limiter: Limiter,
) -> Me:
    """Sign in with email and password; sets the session and CSRF cookies."""
    check_origin(request, settings, required=False)
    limits = signin_limits(request, data.email)
    if limiter.exceeded(*limits):
        raise TooManyAttempts()
    user = service.authenticate(db, email=data.email, password=data.password)
    if user is None:
        # End the read transaction first: on SQLite the limiter's own write would wait for it.
        db.rollback()
        limiter.record(*limits)
        raise InvalidCredentials()
    sign_in_browser(db, settings=settings, request=request, response=response, user=user)
    return service.me(db, user)


@router.post(
    "/signout",
    name="auth-signout",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403),
)
def sign_out(
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
    facilitator: MaybeFacilitator,
) -> None:
    """End this browser's session (revoked on the server) and clear its cookie."""
    check_origin(request, settings, required=False)
    auth = facilitator.auth_session if facilitator is not None else None
    sign_out_browser(db, settings=settings, response=response, auth=auth)


@router.get("/me", name="auth-me-read", responses=problem_responses(401))
def read_me(db: DbSession, facilitator: AnyFacilitator) -> Me:
    """The signed-in facilitator (or the access token's owner) and their organisations."""
    return service.me(db, facilitator.user)


@router.patch("/me", name="auth-me-update", responses=problem_responses(401, 403))
def update_me(data: MeUpdate, db: DbSession, facilitator: BrowserFacilitator) -> Me:
    """Change your name or the language of your emails."""
    user = service.update_me(db, user=facilitator.user, data=data)
    return service.me(db, user)


@router.post(
    "/password-reset",
    name="auth-password-reset-request",
    status_code=status.HTTP_202_ACCEPTED,
    response_class=Response,
    responses=problem_responses(403, 429),
)
def request_password_reset(
    data: PasswordResetRequest,
    request: Request,
    tasks: BackgroundTasks,
    db: DbSession,
    settings: AppSettings,
    limiter: Limiter,
) -> Response:
    """Email a one-hour, single-use reset link. The answer is the same whether or not an account
    has this address."""
    check_origin(request, settings, required=False)
    per_client, per_email = reset_client_limit(request), reset_email_limit(data.email)
    if limiter.exceeded(per_client):
        raise TooManyAttempts()
    # A flooded address quietly gets no more mail; saying so would reveal that it has an account.
    quiet = limiter.exceeded(per_email)
    limiter.record(per_client, per_email)
    if not quiet:
        mail = service.start_password_reset(db, settings=settings, email=data.email)
        send_after_response(tasks, settings, mail)
    return Response(status_code=status.HTTP_202_ACCEPTED)


@router.post(
    "/password-reset/confirm",
    name="auth-password-reset-confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(400, 403),
)
def confirm_password_reset(
    data: PasswordResetConfirm, request: Request, db: DbSession, settings: AppSettings
) -> None:
    """Set a new password with the emailed token; every signed-in browser of the account is signed
    out."""
    check_origin(request, settings, required=False)
    service.finish_password_reset(db, token=data.token, password=data.password)


@router.get("/scopes", name="auth-scopes-list")
def list_scopes() -> list[ScopePublic]:
    """The scopes a personal access token can carry."""
    return [ScopePublic(name=name, description=text) for name, text in SCOPES.items()]


@router.get("/tokens", name="auth-tokens-list", responses=problem_responses(401, 403))
def list_tokens(
    db: DbSession, facilitator: BrowserFacilitator, paging: Paging
) -> Page[TokenPublic]:
    """Your active personal access tokens (never their secrets)."""
    stmt = repository.active_tokens(facilitator.user.id)
    rows, cursor = paginate(db, stmt, PersonalAccessToken, paging)
    return Page(
        items=[TokenPublic.model_validate(row, from_attributes=True) for row in rows],
        next_cursor=cursor,
    )


@router.post(
    "/tokens",
    name="auth-tokens-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403),
)
def create_token(data: TokenCreate, db: DbSession, facilitator: BrowserFacilitator) -> TokenCreated:
    """Create a personal access token for scripts (`Authorization: Bearer cyd_pat_...`). The
    secret is in this response only: store it now."""
    pat, secret = service.create_token(db, user=facilitator.user, data=data)
    return TokenCreated(
        **TokenPublic.model_validate(pat, from_attributes=True).model_dump(), token=secret
    )


@router.delete(
    "/tokens/{token_id}",
    name="auth-tokens-revoke",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404),
)
def revoke_token(token_id: uuid.UUID, db: DbSession, facilitator: BrowserFacilitator) -> None:
    """Revoke one of your tokens; it stops working at once."""
    service.revoke_token(db, user=facilitator.user, token_id=token_id)
