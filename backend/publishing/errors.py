from backend.errors import NotFound


class PublishedSessionNotFound(NotFound):
    code = "published_session_not_found"
    title_en = "No published session has this id"
    title_cy = "Nid oes sesiwn gyhoeddedig gyda'r id hwn"


class PublicPictureNotFound(NotFound):
    code = "public_picture_not_found"
    title_en = "This published session shows no such picture"
    title_cy = "Nid yw'r sesiwn gyhoeddedig hon yn dangos llun o'r fath"
