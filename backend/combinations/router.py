"""Combining ideas across tables: the proposing table agrees to send, the receiving table decides."""

from fastapi import APIRouter

from backend.combinations import me_routes, session_routes

router = APIRouter(tags=["combinations"])
router.include_router(me_routes.router)
router.include_router(session_routes.router)
