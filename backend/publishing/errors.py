from backend.errors import NotFound


class PublishedSessionNotFound(NotFound):
    code = "published_session_not_found"
    title_en = "No published session has this id"
    title_cy = "Nid oes sesiwn gyhoeddedig gyda'r id hwn"
