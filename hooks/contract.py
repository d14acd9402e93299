"""What the hooks agree on: where things are, the marks one hook writes for another
to read, and the order mkdocs.yml must list them in (not a hook itself: MkDocs puts
this folder on the path while it loads a hook).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
FIGURES = "figures"  # where the site's figures are published: FIGURES/<name>-light.svg

# KaTeX's drawn copy of each formula stands between these (hooks/katex.py), and the
# search index leaves out what they enclose (hooks/search_index.py).
SEARCH_SKIP = ("<!--search-skip-->", "<!--/search-skip-->")

# Hooks that need another hook's work on the same page done first, and why. MkDocs
# runs hooks in the order mkdocs.yml lists them; each hook named first here calls
# check_order from its on_config.
NEEDS = {
    "search_index": ("katex", "it marks the TeX annotations and the drawn formulas "
                              "that katex.py writes"),
}


def check_order(config):
    """Stop the build, naming the hook out of place, if mkdocs.yml lists a hook
    before one whose work it needs."""
    from mkdocs.exceptions import PluginError  # here: the notebook generator needs no MkDocs

    listed = [Path(name).stem for name in config["hooks"]]
    for hook, (first, why) in NEEDS.items():
        if hook in listed and first in listed and listed.index(hook) < listed.index(first):
            raise PluginError(f"mkdocs.yml lists hooks/{hook}.py before hooks/{first}.py: "
                              f"move it after, {why}")
