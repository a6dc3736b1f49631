"""Write the app's OpenAPI document to openapi/openapi.json (`make openapi`)."""

import json
import sys
import tempfile
from pathlib import Path

from backend.config import PROJECT_ROOT, Settings
from backend.main import create_app

SPEC_PATH = PROJECT_ROOT / "openapi" / "openapi.json"


def current_spec_text() -> str:
    # Building the app never connects, so the database below is never created.
    scratch = Path(tempfile.gettempdir()) / "cyd-openapi"
    app = create_app(Settings(data_dir=scratch, database_url=f"sqlite:///{scratch}/unused.sqlite3"))
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SPEC_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(current_spec_text(), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
