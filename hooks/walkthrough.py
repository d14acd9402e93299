"""Assemble docs/walkthrough.ipynb from the snippets, in the order of the chapters.

    python hooks/walkthrough.py   # write the notebook (make notebook-file)

Not a hook itself: hooks/notebook_file.py writes the notebook with it at the start
of every build. Never edit the notebook by hand: each code cell is a snippet file
as a cell should read: its imports of other snippets gone (the kernel has those
names), its section markers and any sections STORY leaves out gone, its docstring
a comment, its `if __name__ == "__main__":` block run at top level, imports it no
longer uses and `# noqa` gone. Links point at the site (SITE; the build puts the
published address in the copy it serves). tests/test_notebook.py runs it and
compares each whole snippet's cell output with its expected output.
"""

import ast
import json
import re

import contract
from contract import ROOT, SNIPPETS

NOTEBOOK = ROOT / "docs" / contract.NOTEBOOK
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

# (chapter title, chapter page, lead sentence, snippets). A snippet is a name, or
# (name, sections to leave out): figures.py's Agg backend would hide the inline
# figure, and its file-writing command line is not for a notebook.
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
    ("How big a step", "steps", "The largest learning rate that converges.", ["steps_limit"]),
    ("Momentum, Adam and weight decay", "optimizers", "The update rules, one array at a time.",
     ["optimizers"]),
    ("Backprop in a few dozen lines", "autodiff",
     "A scalar autodiff engine; the 2-2-1 network through it; four methods, one table.",
     ["autodiff", "autodiff_linear", "four_methods"]),
    ("Why a linear network is not enough", "linear-limits",
     "Two linear layers are one matrix; a sigmoid changes that.", ["linear_collapse"]),
    # Any depth on the 2-2-1 network and its own seeded networks, before the sigmoid
    # set-up cell rebinds x, y, W1, W2, forward, backward and step (layers.py's
    # names too: its cells must run here, where network.py's data is still bound).
    ("Any depth", "depth",
     "One loop for every layer; vanishing and exploding gradients; why weights start "
     "random; three gates.",
     [("layers", ("main",)), "depth_vanishing"]),
    ("Add a sigmoid and biases", "sigmoid",
     "Mazur's 2-2-2 example: forward, backward with the sum over paths, one update.",
     ["sigmoid_network", "sigmoid_forward", "sigmoid_backward", "sigmoid_check",
      "sigmoid_update"]),
    ("The published example's figures, explained", "published-example",
     "Which computation gives each published figure; biases trained too.",
     ["published", "biases"]),
    ("Backprop in a few dozen lines: the sigmoid network", "autodiff",
     "The same engine on the sigmoid network.", ["autodiff_sigmoid"]),
]
# Snippets the notebook leaves out, and why (tests/test_notebook.py holds every other
# file under snippets/ to being in STORY).
LEFT_OUT = {
    "three_layers": "the exercise's answer, folded on its page; it redefines W2 and forward()",
    "depth_figures": "only defines the chapter's figure, which its page shows",
    "depth_loop": "runs the loop on three networks at once (the exercise's and Mazur's beside "
                  "the walk-through's), whose set-ups share names one kernel cannot hold",
    "cross_entropy_figures": "draws its chapter's figure as files; the notebook shows none of it",
    "xor_figures": "draws its chapter's figures as files; the notebook shows none of them",
    "autodiff_jax": "needs JAX, the tests' oracle, which a learner's install does not have",
    # The notebook page's budget: three more figures and their code cost it about 27 KB.
    "digits_figures": "draws the digits chapter's figures, which its page shows",
    # The notebook page's first visit must stay within its 130 KB (tools/browser.py):
    # with every chapter's cells it was 147 KB. Their pages show them; a second
    # notebook for the later chapters is the way to have them all.
    "depth_symmetry": "symmetric starts stay symmetric; over the notebook page's budget",
    "depth_gates": "three gates on the site's networks; over the notebook page's budget",
    "depth_ratio": "Mazur's gradients factor by factor; over the notebook page's budget",
    "losses": "the classification chapters' errors; over the notebook page's budget",
    "cross_entropy_deltas": "cross-entropy on Mazur's network; over the notebook page's budget",
    "cross_entropy_step": "one cross-entropy step; over the notebook page's budget",
    "cross_entropy_targets": "targets 0 and 1 against 0.01 and 0.99; over the budget",
    "cross_entropy_softmax": "softmax for several classes; over the notebook page's budget",
    "xor_fit": "XOR's affine fit; over the notebook page's budget",
    "xor_train": "a 2-2-1 network learns XOR; over the notebook page's budget",
    "xor_seeds": "a hundred training runs; over the notebook page's budget",
    "xor_stuck": "opens up one of the hundred runs; over the notebook page's budget",
    "digits_data": "the digits chapter's set-up; over the notebook page's budget",
    "digits_train": "trains on the digits; over the notebook page's budget",
    "digits_check": "a gradient check on the digits network; over the notebook page's budget",
    "digits_sklearn": "scikit-learn beside it; over the notebook page's budget",
    "steps_figures": "draws the chapter's figures for the build; run as a cell it would write "
                     "SVG files",
    # The notebook page's first visit must stay within 130 KB gzip (tools/browser.py):
    # with these three cells it did not (136 KB).
    "steps_minibatch": "the 256-example runs; over the notebook page's budget",
    "steps_optimizers": "the 256-example runs; over the notebook page's budget",
    "steps_decay": "weight decay on the walk-through; over the notebook page's budget",
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


def cells():
    out = [markdown(
        "# The whole walk-through\n\n"
        "Every step of the site in one notebook, from the same files under `snippets/` "
        "that the chapters show. Run it top to bottom, then change a weight in the first "
        "code cell and run it again. "
        f"[Download it]({SITE}walkthrough/walkthrough.ipynb) to run it yourself.")]
    for title, page, lead, snippets in STORY:
        out.append(markdown(f"## {title}\n\n{lead} Chapter: [{title}]({SITE}{page}/)."))
        out += [snippet_cell(entry) for entry in snippets]
        out += [code(SHOW.format(name=name), figure=name) for name in SHOWN.get(page, [])]
    return out


def notebook():
    cells_with_ids = [{"id": f"cell-{k:02d}", **cell} for k, cell in enumerate(cells())]
    return {"cells": cells_with_ids, "nbformat": 4, "nbformat_minor": 5, "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}, "site_url": SITE}}


def text():
    return json.dumps(notebook(), indent=1, ensure_ascii=False) + "\n"


def write():
    """Write docs/walkthrough.ipynb only if it changed (`mkdocs serve` would see an
    identical write as an edit); True if it did."""
    made = text()
    if NOTEBOOK.exists() and NOTEBOOK.read_text(encoding="utf-8") == made:
        return False
    NOTEBOOK.write_text(made, encoding="utf-8")
    return True


if __name__ == "__main__":  # tests/test_notebook.py checks the committed one is fresh
    if write():
        print(f"wrote {NOTEBOOK.relative_to(ROOT)}")
