"""The entry point of the packaged application (PyInstaller runs this script).

`itaku --self-test [--keep DIR] [--report FILE]` runs desktop.self_test headless; anything else starts
the window with `desktop.__main__.main()`. Inside the bundle the compiled translations ship in
resources/translations, so they are used from there instead of being compiled at the first start
(the bundle has no lrelease).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SELF_TEST = "--self-test"


def use_bundled_translations() -> None:
    """Point the translation cache at the .qm files shipped in the bundle (unless the user chose a folder)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and "ITAKU_TRANSLATIONS_CACHE" not in os.environ:
        os.environ["ITAKU_TRANSLATIONS_CACHE"] = str(Path(bundle) / "resources" / "translations")


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    use_bundled_translations()
    if SELF_TEST in arguments:
        arguments.remove(SELF_TEST)
        from desktop.self_test import main as self_test_main

        return self_test_main(arguments)
    from desktop.__main__ import main as window_main

    return window_main(arguments)


if __name__ == "__main__":
    sys.exit(main())
