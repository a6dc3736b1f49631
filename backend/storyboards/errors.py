"""The storyboards slice's problems, each with a stable code and an English and Welsh title."""

from backend.errors import AppError, Conflict, NotFound, RuleBroken


class FrameNotFound(NotFound):
    code = "frame_not_found"
    title_en = "No such frame in this storyboard"
    title_cy = "Nid oes ffrâm o'r fath yn y bwrdd stori hwn"


class ImageNotFound(NotFound):
    code = "image_not_found"
    title_en = "No such picture"
    title_cy = "Nid oes llun o'r fath"


class NoChosenIdea(Conflict):
    code = "no_chosen_idea"
    title_en = "The table has not chosen its idea yet"
    title_cy = "Nid yw'r bwrdd wedi dewis ei syniad eto"


class TooManyFrames(RuleBroken):
    code = "too_many_frames"
    title_en = "A storyboard has at most 30 frames"
    title_cy = "Mae gan fwrdd stori 30 ffrâm ar y mwyaf"


class AltTextRequired(RuleBroken):
    code = "alt_text_required"
    title_en = "Describe the picture in words (alt text) for people who cannot see it"
    title_cy = "Disgrifiwch y llun mewn geiriau (testun amgen) i bobl na allant ei weld"


class NothingToChange(RuleBroken):
    code = "nothing_to_change"
    title_en = "Send at least one field to change"
    title_cy = "Anfonwch o leiaf un maes i'w newid"


class OrderInvalid(RuleBroken):
    code = "order_invalid"
    title_en = "List every frame of the storyboard exactly once"
    title_cy = "Rhestrwch bob ffrâm o'r bwrdd stori unwaith yn union"


class PreconditionRequired(AppError):
    status, code = 428, "precondition_required"
    title_en = "Send the ETag you last saw in If-Match to change this"
    title_cy = "Anfonwch yr ETag a welsoch ddiwethaf yn If-Match i newid hyn"


class PreconditionFailed(AppError):
    status, code = 412, "precondition_failed"
    title_en = "Someone changed this storyboard since you loaded it"
    title_cy = "Mae rhywun wedi newid y bwrdd stori hwn ers i chi ei lwytho"


class UploadTooLarge(AppError):
    status, code = 413, "upload_too_large"
    title_en = "The picture is too large"
    title_cy = "Mae'r llun yn rhy fawr"


class MultipartRequired(AppError):
    status, code = 415, "multipart_required"
    title_en = "Send the picture as multipart/form-data in a part named file"
    title_cy = "Anfonwch y llun fel multipart/form-data mewn rhan o'r enw file"


class UnsupportedImage(AppError):
    status, code = 415, "unsupported_image"
    title_en = "Only PNG, JPEG and WebP pictures can be uploaded"
    title_cy = "Dim ond lluniau PNG, JPEG a WebP y gellir eu llwytho i fyny"


class UploadMalformed(RuleBroken):
    code = "upload_malformed"
    title_en = "The upload needs exactly one picture, in a part named file"
    title_cy = "Mae angen un llun yn union yn yr uwchlwythiad, mewn rhan o'r enw file"


class ImageTooManyPixels(RuleBroken):
    code = "image_too_many_pixels"
    title_en = "The picture has too many pixels; make it smaller and try again"
    title_cy = "Mae gormod o bicseli yn y llun; gwnewch ef yn llai a rhowch gynnig arall arni"


class ImageUnreadable(RuleBroken):
    code = "image_unreadable"
    title_en = "The picture is damaged or incomplete"
    title_cy = "Mae'r llun wedi'i ddifrodi neu'n anghyflawn"
