"""Ideas, themes, moderation, safeguarding flags and ideate progress."""

from fastapi import APIRouter

from backend.ideas import me_routes, session_routes

router = APIRouter(tags=["ideas"])
router.include_router(me_routes.router)
router.include_router(session_routes.router)
