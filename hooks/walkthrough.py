"""Assemble the site's two notebooks from the snippets, in the order of the chapters:
docs/walkthrough.ipynb (the walk-through, sigmoids and biases) and
docs/real-networks.ipynb (the "Real networks" chapters), one page each.

    python hooks/walkthrough.py   # write both notebooks (make notebook-file)

Not a hook itself: hooks/notebook_file.py writes the notebooks with it at the start
of every build. Never edit a notebook by hand: each code cell is a snippet file
as a cell should read: its imports of other snippets gone (the kernel has those
names), its section markers and any sections STORY leaves out gone, its docstring
a comment, its `if __name__ == "__main__":` block run at top level, imports it no
longer uses and `# noqa` gone. Links point at the site (SITE; the build puts the
published address in the copy it serves). tests/test_notebook.py runs them and
compares each whole snippet's cell output with its expected output. Each notebook
runs in a kernel of its own, so each starts from its own set-up cells.
"""

import ast
import json
import re
from pathlib import Path

from contract import ROOT, SNIPPETS

MARKER = re.compile(r"^[ \t]*# --8<-- .*\n", re.M)
NOQA = re.compile(r"[ \t]+# noqa\b.*$", re.M)
# mkdocs.yml's site_url when SITE_URL is unset: where `make serve` shows the site.
# hooks/notebook_run.py swaps it for the build's site_url in the copy it publishes.
SITE = "http://127.0.0.1:8000/"

SHOW = '''from base64 import b64encode

from IPython.display import HTML

fig = {name}_figure()
alt = describe(fig)  # the same words as the site's figure
svg = b64encode(to_svg(fig).encode()).decode()
HTML(f'<img src="data:image/svg+xml;base64,{{svg}}" alt="{{alt}}">')'''
# Figures shown at the end of a chapter's cells, by chapter page.
SHOWN = {"learnings": ["error_curve"]}

# Each notebook's chapters: (chapter title, chapter page, lead sentence, snippets). A
# snippet is a name, or (name, sections to leave out): figures.py's Agg backend would
# hide the inline figure, and its file-writing command line is not for a notebook.
STORY = [
    ("The data and the weights", "data", "The set-up every later cell uses.", ["network"]),
    ("Forward pass", "forward-pass",
     "h = x W1, then y_hat = h W2, as the code writes them.",
     ["forward_pass"]),
    ("Calculating the error", "error", "E = (y_hat - y)^2 / 2.", ["error"]),
    ("Reducing the error", "reducing-error", "Only the weights can change; the slope of E.",
     ["reducing_error", "slope"]),
    ("Backpropagation", "backpropagation",
     "From the output's error back to the first layer, stage by stage; two cross-checks; the cost.",
     ["output_gradients", "hidden_gradients", "backprop", "chain_rule", "gradient_check",
      "cost"]),
    ("Updating the weights", "updating-weights",
     "New weights from the old ones, then a second pass.", ["update"]),
    ("Keep training", "learnings", "Many epochs, and the error curve.",
     ["training", ("figures", ("backend", "network", "graph", "slope", "sigmoid_network",
                               "bias_curve", "batch_curve", "cli"))]),
    # Everything on the 2-2-1 network before the sigmoid chapters: their set-up cell
    # redefines x, y, W1, W2, forward and the rest, which these cells use.
    ("Errata", "errata", "The source article's numbers beside the right ones.", ["errata"]),
    ("Many examples at once", "batch", "The same layer rule with N rows.", ["batch"]),
    ("Why a linear network is not enough", "linear-limits",
     "Two linear layers are one matrix; a sigmoid changes that.", ["linear_collapse"]),
    ("Add a sigmoid and biases", "sigmoid",
     "Mazur's 2-2-2 example: forward, backward with the sum over paths, one update.",
     ["sigmoid_network", "sigmoid_forward", "sigmoid_backward", "sigmoid_check",
      "sigmoid_update"]),
    ("The published example's figures, explained", "published-example",
     "Which computation gives each published figure; biases trained too.",
     ["published", "biases"]),
]
# The "Real networks" chapters, in the site's order. One kernel holds one binding of
# each name, and these chapters move between networks: where a chapter needs another
# network's x, y, W1, W2 or the layer loop's forward, backward and step, a set-up cell
# (the earlier chapter's own snippet, under its title) binds them again.
AGAIN = "Set-up again: "
REAL = [
    (AGAIN + "the 2-2-1 network", "data",
     "The walk-through's data and weights, which the loop's first checks run on.",
     ["network"]),
    ("Any depth", "depth",
     "One loop for every layer; vanishing and exploding gradients; why weights start "
     "random; three gates.",
     [("layers", ("main",)), "depth_vanishing", "depth_symmetry", "depth_gates"]),
    (AGAIN + "Mazur's network", "sigmoid",
     "Its data, weights and functions, for the ratio below and for cross-entropy.",
     ["sigmoid_network"]),
    ("Any depth: the first layer's gradient, factor by factor", "depth",
     "Why Mazur's dE/dw1 is so much smaller than dE/dw5.", ["depth_ratio"]),
    (AGAIN + "the layer loop", "depth",
     "Its forward, backward and step again: the cell above rebound those names.",
     [("layers", ("main",))]),
    ("Cross-entropy", "cross-entropy",
     "The error for probabilities, its output delta, and softmax for many classes.",
     ["losses", "cross_entropy_deltas", "cross_entropy_step", "cross_entropy_targets",
      "cross_entropy_softmax"]),
    ("XOR", "xor", "No line separates it; a 2-2-1 network with sigmoids learns it.",
     ["xor_fit", "xor_train"]),
    ("XOR from a hundred starts", "xor-seeds",
     "The same network from a hundred seeds: which runs learn, and one that does not.",
     ["xor_seeds", "xor_stuck"]),
    ("Handwritten digits", "digits",
     "8x8 digits, one hidden layer, a gradient check, and scikit-learn beside it.",
     ["digits_data", "digits_train", "digits_check", "digits_sklearn"]),
    (AGAIN + "the 2-2-1 network, once more", "data",
     "The learning-rate chapters work on the walk-through's network.", ["network"]),
    ("How big a step", "steps", "The largest learning rate that converges; minibatches.",
     ["steps_limit"]),
    (AGAIN + "many examples at once", "batch", "The batch functions the minibatches use.",
     ["batch"]),
    ("How big a step: minibatches", "steps", "256 examples, in batches of B.",
     ["steps_minibatch"]),
    ("Momentum, Adam and weight decay", "optimizers",
     "The update rules, one array at a time, raced on the same data.",
     ["optimizers", "steps_optimizers", "steps_decay"]),
    (AGAIN + "the gradient check", "backpropagation",
     "Finite differences, one of the four methods below.", ["gradient_check"]),
    ("Backprop in a few dozen lines", "autodiff",
     "A scalar autodiff engine; the 2-2-1 network through it; four methods, one table.",
     ["autodiff", "autodiff_linear", "four_methods"]),
    (AGAIN + "Mazur's network, once more", "sigmoid",
     "The sigmoid network for the engine's last run.", ["sigmoid_network"]),
    ("Backprop in a few dozen lines: the sigmoid network", "autodiff",
     "The same engine on the sigmoid network.", ["autodiff_sigmoid"]),
]
# Each notebook, by its file under docs/: (heading, what it holds, its chapters).
BOOKS = {
    "walkthrough.ipynb": (
        "The whole walk-through",
        "Every step of the walk-through and of the sigmoid chapters in one notebook",
        STORY),
    "real-networks.ipynb": (
        "Real networks",
        "The \"Real networks\" chapters in one notebook: any depth, cross-entropy, XOR, "
        "handwritten digits, the learning rate and the optimizers, autodiff",
        REAL),
}
NOTEBOOKS = tuple(BOOKS)  # the walk-through's first: the notebook of a page none tells
# Snippets the notebooks leave out, and why (tests/test_notebook.py holds every other
# file under snippets/ to being in a notebook).
LEFT_OUT = {
    "three_layers": "the exercise's answer, folded on its page; it redefines W2 and forward()",
    "depth_figures": "only defines the chapter's figure, which its page shows",
    "depth_loop": "runs the loop on three networks at once (the exercise's and Mazur's beside "
                  "the walk-through's), whose set-ups share names one kernel cannot hold",
    "cross_entropy_figures": "draws its chapter's figure as files; the notebook shows none of it",
    "xor_figures": "draws its chapter's figures as files; the notebook shows none of them",
    "digits_figures": "draws the digits chapter's figures, which its page shows",
    "steps_figures": "draws the chapter's figures for the build; run as a cell it would write "
                     "SVG files",
    "autodiff_jax": "needs JAX, the tests' oracle, which a learner's install does not have",
}


def markdown(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text.strip().splitlines(True)}


def code(text, **meta):
    return {"cell_type": "code", "execution_count": None, "metadata": meta, "outputs": [],
            "source": text.strip().splitlines(True)}


def snippet_cell(entry):
    name, drop = (entry, ()) if isinstance(entry, str) else entry
    source = (SNIPPETS / f"{name}.py").read_text(encoding="utf-8")
    for section in drop:
        source = re.sub(rf"# --8<-- \[start:{section}\].*?# --8<-- \[end:{section}\]\n",
                        "", source, flags=re.S)
    source = as_cell(MARKER.sub("", source))
    # A cut-down snippet no longer prints what its .txt holds.
    return code(source, snippet=name, compare=not drop)


def as_cell(source):
    """A module's source as a notebook cell runs it: no docstring, no __main__ guard, no
    import of another snippet (an earlier cell defined its names in the kernel)."""
    lines = NOQA.sub("", source).splitlines()
    tree = ast.parse(source)
    edits = []  # (first line, last line, replacement), 1-based and inclusive
    first = tree.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        edits.append((first.lineno, first.end_lineno,
                      ["# " + first.value.value.strip().splitlines()[0]]))
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "__name__ == '__main__'":
            body = lines[node.body[0].lineno - 1:node.end_lineno]
            edits.append((node.lineno, node.end_lineno, [line[4:] for line in body]))
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom) and of_snippets(node):
            edits.append((node.lineno, node.end_lineno, []))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a for a in node.names
                     if (a.asname or a.name.split(".")[0]) in used]
            if not names:
                edits.append((node.lineno, node.end_lineno, []))
            elif len(names) < len(node.names):
                kept = ast.unparse(type(node)(**{**node.__dict__, "names": names}))
                edits.append((node.lineno, node.end_lineno, [kept]))
    for start, end, replacement in sorted(edits, reverse=True):
        lines[start - 1:end] = replacement
    source = "\n".join(lines)
    # Gaps the removed imports left: one blank line between or after imports (two
    # before a def or class, as in the snippets).
    source = re.sub(r"\n{3,}(?=import |from )", "\n\n", source)
    source = re.sub(r"^((?:import|from) .*\n)\n{2,}(?!def |class |@)", r"\1\n", source,
                    flags=re.M)
    return re.sub(r"\n{4,}", "\n\n\n", source).strip() + "\n"


def of_snippets(node):
    """Whether an import statement imports other snippets only."""
    modules = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
    return all((SNIPPETS / f"{module}.py").exists() for module in modules)


def cells(name):
    heading, holds, chapters = BOOKS[name]
    out = [markdown(
        f"# {heading}\n\n"
        f"{holds}, from the same files under `snippets/` that the chapters show. Run it "
        "top to bottom, then change a weight in a set-up cell and run it again. "
        f"[Download it]({SITE}{name.removesuffix('.ipynb')}/{name}) to run it yourself.")]
    for title, page, lead, snippets in chapters:
        out.append(markdown(f"## {title}\n\n{lead} Chapter: [{chapter_title(page)}]"
                            f"({SITE}{page}/)."))
        out += [snippet_cell(entry) for entry in snippets]
        out += [code(SHOW.format(name=shown), figure=shown) for shown in SHOWN.get(page, [])]
    return out


def told(page):
    """(notebook, title) of each chapter entry that tells the chapter page (a set-up
    cell's entry, which binds an earlier chapter's names again, tells none)."""
    return [(name, title) for name, (_, _, chapters) in BOOKS.items()
            for title, told_page, _, _ in chapters
            if told_page == page and not title.startswith(AGAIN)]


def chapter_title(page):
    """The title the notebooks give the chapter page."""
    return told(page)[0][1]


def notebook(name):
    cells_with_ids = [{"id": f"cell-{k:02d}", **cell} for k, cell in enumerate(cells(name))]
    return {"cells": cells_with_ids, "nbformat": 4, "nbformat_minor": 5, "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}, "site_url": SITE}}


def text(name):
    return json.dumps(notebook(name), indent=1, ensure_ascii=False) + "\n"


def path(name):
    return ROOT / "docs" / name


def write():
    """Write each notebook under docs/ only if it changed (`mkdocs serve` would see an
    identical write as an edit); the paths written."""
    written = []
    for name, made in kept_texts().items():
        if not path(name).exists() or path(name).read_text(encoding="utf-8") != made:
            path(name).write_text(made, encoding="utf-8")
            written.append(path(name))
    return written


def kept_texts():
    """{name: text(name)} of every notebook, kept in .cache/notebook-text/ under a key
    of this file, every snippet and Python's version (ast.unparse writes the imports a
    cell keeps): parsing every snippet again was a tenth of a warm build."""
    from build_cache import CACHE, key, staged

    made = key(Path(__file__), *sorted(SNIPPETS.glob("*.py")), packages=["python"])
    texts = {}
    for name in NOTEBOOKS:
        done = CACHE / "notebook-text" / made / name
        if not done.exists():
            with staged(done) as stage:
                stage.write_text(text(name), encoding="utf-8")
        texts[name] = done.read_text(encoding="utf-8")
    return texts


if __name__ == "__main__":  # tests/test_notebook.py checks the committed ones are fresh
    for written in write():
        print(f"wrote {written.relative_to(ROOT)}")
