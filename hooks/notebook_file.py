"""Write docs/walkthrough.ipynb and docs/real-networks.ipynb from the snippets at the
start of every build, so an edited snippet reaches the notebook pages in the same
rebuild (hooks/walkthrough.py writes a file only if it changed: `mkdocs serve` would
see an identical write as an edit).
"""

import walkthrough


def on_pre_build(config):
    # The generator's code afresh, from the file it was imported from (importlib.reload
    # would look for it on sys.path, which has hooks/ only while MkDocs loads a hook):
    # under `mkdocs serve`, an edited STORY reaches the page too, and an old STORY
    # never overwrites a notebook that `make notebook-file` just wrote.
    walkthrough.__spec__.loader.exec_module(walkthrough)
    walkthrough.write()
