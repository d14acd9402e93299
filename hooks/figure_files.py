"""Draw the figures while the site builds, so no committed image can drift from its code.

Each function in snippets/figures.py FIGURES becomes figures/<name>-light.svg
and figures/<name>-dark.svg; the chapters show one or the other with
Material's #only-light / #only-dark.
"""

import sys
from pathlib import Path

from mkdocs.structure.files import File

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"


def on_files(files, config):
    # Forget snippet modules from an earlier build, so `mkdocs serve` redraws edits.
    for name, module in list(sys.modules.items()):
        if Path(getattr(module, "__file__", None) or "/").parent == SNIPPETS:
            del sys.modules[name]
    sys.path.insert(0, str(SNIPPETS))
    try:  # while drawing too: a figure may import a snippet module when it is drawn
        from figures import FIGURES, to_svg

        for name, draw in FIGURES.items():
            for theme in ("light", "dark"):
                files.append(File.generated(config, f"figures/{name}-{theme}.svg",
                                            content=to_svg(draw(dark=theme == "dark"))))
    finally:
        sys.path.remove(str(SNIPPETS))
    return files
