"""Combining ideas across tables, decided by the receiving table's majority."""

from fastapi import APIRouter

from backend.combinations import me_routes, session_routes

router = APIRouter(tags=["combinations"])
router.include_router(me_routes.router)
router.include_router(session_routes.router)
