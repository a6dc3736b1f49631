"""Democratic reduction: dot voting, a shortlist of 3 with a visible tie-break, scoring, the choice."""

from fastapi import APIRouter

from backend.reduction import me_routes, session_routes

router = APIRouter(tags=["reduction"])
router.include_router(me_routes.router)
router.include_router(session_routes.router)
