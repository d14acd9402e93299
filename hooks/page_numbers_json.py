"""Give the explorer and the "your turn" forms their numbers as the site builds.

`python tools/page_numbers.py` runs in a fresh process with snippets/ importable
(so `mkdocs serve` always has the snippets as they are now); its JSON is kept in
.cache/page-numbers/ under a key of the script, every snippet it imports and the
versions of Python and of every package they import, so a build where none of them
changed reads it instead of running it again. Each page that holds the explorer
or an exercise gets the part of its JSON it uses, as <script
type="application/json" id="page-numbers">: data the browser never runs
(hooks/csp.py lets it pass). The page's script reads it; no number is typed into
the JavaScript or the chapter.
"""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

from mkdocs.exceptions import PluginError

from build_cache import CACHE, key, made_by, staged
from contract import ROOT, SNIPPETS

SCRIPT = ROOT / "tools" / "page_numbers.py"
KEPT = CACHE / "page-numbers"
FORM = re.compile(r"""<form\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)
numbers = {}
uses = {}  # page.url -> (has the explorer, exercise names)


def on_pre_build(config):
    # The script's own folder comes first on its path, then snippets/ (PYTHONPATH).
    sources, packages = made_by(SCRIPT, folders=(SCRIPT.parent, SNIPPETS))
    done = KEPT / f"{key(*sources, packages=packages)}.json"
    if not done.exists():
        with staged(done) as stage:
            stage.write_text(computed(), encoding="utf-8")
    numbers.clear()
    numbers.update(json.loads(done.read_text(encoding="utf-8")))


def computed():
    """What tools/page_numbers.py prints, run as the docstring says."""
    done = subprocess.run([sys.executable, str(SCRIPT)], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(SNIPPETS)})
    if done.returncode:
        raise PluginError(f"tools/page_numbers.py failed:\n{done.stderr}")
    return done.stdout


class Uses(HTMLParser):
    """Whether the page holds the explorer's form, and which exercises."""

    def __init__(self):
        super().__init__()
        self.explorer, self.exercises = False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "explorer" in (attrs.get("class") or "").split():
            self.explorer = True
        if tag == "form" and "data-exercise" in attrs:
            self.exercises.append(attrs["data-exercise"])


def on_page_content(html, page, config, files):
    found = Uses()
    # Only the forms' opening tags: parsing every tag of every page was a fifth of a build.
    found.feed("".join(FORM.findall(html)))
    unknown = set(found.exercises) - set(numbers["exercises"])
    if unknown:
        raise PluginError(f"{page.file.src_uri}: no exercise {sorted(unknown)} in "
                          f"tools/page_numbers.py (it has {sorted(numbers['exercises'])})")
    uses[page.url] = (found.explorer, found.exercises)
    return html


def on_post_page(output, page, config):
    explorer, exercises = uses.get(page.url, (False, []))
    if not explorer and not exercises:
        return output
    data = {"exercises": {name: numbers["exercises"][name] for name in exercises}}
    if explorer:
        data |= {k: numbers[k] for k in ("networks", "limit", "presets")}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    script = f'<script type="application/json" id="page-numbers">{text}</script>\n'
    # After the search plugin has read the page (on_page_context), so the index
    # never holds it; before </body>, where the page's module scripts find it.
    return output.replace("</body>", script + "</body>", 1)
