"""hooks/search_on_open.py changes Material's bundle only where it understands it.

The browser tests (test_browser.py) show the patched bundle at work: nothing of
search on a page's load, results on its first opening, ?q= and ?h= links.
"""

import re
from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from search_on_open import PATCHES, patched

INSTALLED = next(Path(material.__file__).parent.glob(
    "templates/assets/javascripts/bundle.*.min.js"))


def test_each_change_applies_once_to_the_installed_bundle():
    bundle = INSTALLED.read_text(encoding="utf-8")
    after = patched(bundle, INSTALLED.name)
    assert [len(code.findall(after)) for _, code, _ in PATCHES] == [0, 0, 0]
    assert after.count("new Worker(") == 1  # only inside the stand-in, at first message
    assert len(after) - len(bundle) < 400  # three small edits, nothing else


@pytest.mark.parametrize("what", [what for what, _, _ in PATCHES])
def test_a_bundle_it_does_not_know_stops_the_build(what):
    """An upgrade that rewrites any of the three pieces of code fails the build, naming
    the piece, instead of shipping a half-changed bundle."""
    bundle = INSTALLED.read_text(encoding="utf-8")
    code = dict((w, c) for w, c, _ in PATCHES)[what]
    changed = code.sub(lambda m: m[0].replace("(e", "(x", 1).replace("$(", "of("), bundle)
    assert changed != bundle
    with pytest.raises(PluginError, match=re.escape(what)):
        patched(changed, "bundle.js")
