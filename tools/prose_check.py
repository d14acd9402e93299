"""Check every number a reader reads in a chapter's prose and formulas.

    from prose_check import check_page; check_page(Path("docs/error.md"))

A page's numbers are backed by the outputs it shows (embedded snippets/*.txt)
plus the snippets named by `numbers_from:` in its front matter (read with
MkDocs' own parser). A number's sign is part of it when attached ("-0.7829",
"(−0.15658)"); a full stop after it ends the sentence. Five rules; the README
states the same ones:

1. backed: each decimal number equals, to the digits shown, a backed value;
2. bound: `symbol = number` (w_1 = 0.34, "learning rate is 0.05", "a nudge of
   0.01", a gradient \\partial E / \\partial w_5 = ..., an entry of a matrix
   of symbols set equal to one of numbers, an <input name="w1" value="0.34">)
   must be a value that symbol takes before or after the first update of the
   page's `network:` (linear, or sigmoid), and one paragraph speaks of one
   moment: its bindings must all fit the same epoch;
3. arithmetic: a chain like `2 \\times 0.34 + 3 \\times 0.13 = 1.07` is true to
   the digits shown (`=` with the operands exact, `\\approx` allowing for
   their rounding);
4. tables: in a row about a symbol, each number is printed on an output line
   about that symbol, right after a label whose words are in the column's
   title; under a title that says "article", verbatim;
5. order: two numbers in one sentence of prose keep the order the outputs
   print them in.

check_page() returns the failures as "file:line: message" strings.
"""

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from properdocs.utils import meta

ROOT = Path(__file__).resolve().parent.parent
# A decimal, with its sign when the sign is attached and not a subtraction
# ("-0.7829", "(−0.15658)", but not the minus in "0.2171 - 1" or "a-0.5").
# A full stop after it ends the sentence: "w_5 is 0.01." is read as 0.01.
NUMBER = re.compile(r"(?:(?<![\w)\]}.])[-−+](?=\d))?(?<![\w.])\d+\.\d+(?:e[-+]?\d+)?"
                    r"(?!\w|\.\d)")
FENCE = re.compile(r"^\s*(```|~~~)")
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)  # blanked, like code: not read as prose


@dataclass
class Number:
    text: str
    line: int = 0
    start: int = 0  # offset in the text it was read from

    @functools.cached_property
    def value(self):
        return float(self.text.replace("−", "-"))

    @functools.cached_property
    def half_ulp(self):
        """Half a unit in the last digit shown: the rounding a printed number hides."""
        mantissa, _, exponent = self.text.lower().partition("e")
        decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
        return 0.5 * 10.0 ** (int(exponent or 0) - decimals)

    def shows(self, value):
        """True when value, written with this number's digits, is this number."""
        return abs(value - self.value) <= self.half_ulp * (1 + 1e-9)


@functools.lru_cache(maxsize=8192)  # the same output lines are read for every page check
def numbers_in(text, first_line=1):
    found, line, seen = [], first_line, 0
    for m in NUMBER.finditer(text):
        line += text.count("\n", seen, m.start())
        seen = m.start()
        found.append(Number(m[0], line, m.start()))
    return tuple(found)


def blank(m):
    """A match replaced by spaces (newlines kept), so every offset stays the file's."""
    return re.sub(r"[^\n]", " ", m[0])


def front_matter(markdown):
    """The page's YAML front matter, read by MkDocs' own parser."""
    return meta.get_data(markdown)[1]


def reader_text(markdown):
    """The page as a reader sees it: code, includes, inline code and link targets blanked.

    Blanked with spaces, not removed: every line and column stays the file's.
    """
    m = FRONT.match(markdown)
    lines = markdown.splitlines()
    skip = m[0].count("\n") if m else 0
    out, fenced = [], False
    for n, line in enumerate(lines):
        if n < skip or FENCE.match(line):
            fenced = fenced != bool(FENCE.match(line))
            out.append(" " * len(line))
            continue
        if fenced:
            out.append(" " * len(line))
            continue
        line = re.sub(r"`[^`]*`", blank, line)
        line = re.sub(r"(?<=\])\([^)]*\)", blank, line)
        out.append(line)
    text = re.sub(r"<!--.*?-->", blank, "\n".join(out), flags=re.S)
    return text + "\n" * markdown.endswith("\n")


# --- rule 2: symbols bound to values -------------------------------------------------

SYMBOL = (r"(?P<sym>w_\{?[1-8]\}?|w[1-8]|[hiob]_\{?[12]\}?|[hiob][12]|z_\{?[ho][12]\}?"
          r"|z_?[ho][12]|(?:\\delta|δ)_\{?[ho][12]\}?|delta_?[ho][12]|\\hat\{y\}|ŷ"
          r"|y_\{?[12]\}?|y[12]|y_hat|\\Delta|Δ|delta|\\eta|η|lr|learning rate|nudge"
          r"|(?<![\w{\\])[yE](?![\w}]))")
# A gradient of E: \partial E / \partial w_5, \frac{\partial E}{\partial w_5}, ∂E/∂w5, dE/dw5.
GRADIENT = r"(?P<grad>\\partial E\s*/\s*\\partial\s*|\\frac\{\\partial E\}\{\\partial\s*|∂E/∂|dE/d)"
BINDING = re.compile(GRADIENT + "?" + SYMBOL + r"\}?\s*(?:=|is|of)\s*(?P<num>[-−]?\d+(?:\.\d+)?)"
                     r"(?!\d|\.\d|\s*(?:\\times|\\cdot|[-+−×*/^(]))")


def canonical(symbol, gradient=False):
    symbol = re.sub(r"\\delta|δ|delta", "delta_", symbol)
    symbol = symbol.replace("_", "").replace("{", "").replace("}", "").replace("delta", "delta_")
    name = {"\\haty": "y_hat", "ŷ": "y_hat", "yhat": "y_hat", "\\Delta": "delta",
            "Δ": "delta", "delta_": "delta", "\\eta": "lr", "η": "lr",
            "learning rate": "lr"}.get(symbol, symbol)
    return f"dE/d{name}" if gradient else name


@functools.cache
def symbol_values(network="linear"):
    """{symbol: {(epoch, value)}}: every value each symbol, and the gradient of E for
    it, takes before (epoch 1) and after (epoch 2) the first update of a network,
    "linear" (network.py) or "sigmoid" (sigmoid_network.py) as a page's front
    matter `network:` says. The data (epoch None) holds at every epoch."""
    import network as nn
    import sigmoid_network as sn
    import slope

    values = defaultdict(set)
    if network == "linear":
        found = [{"i1": nn.x[0, 0], "i2": nn.x[0, 1], "y": nn.y, "lr": nn.lr,
                  "nudge": slope.nudge}]  # nudge: how far reducing_error.py moves a weight
        W1, W2 = nn.W1, nn.W2
        for _ in range(2):
            h, y_hat = nn.forward(nn.x, W1, W2)
            delta, dE_dW2, dE_dh, dE_dW1 = nn.backward(nn.x, nn.y, W1, W2)
            found.append({**nn.weights(W1, W2), "h1": h[0, 0], "h2": h[0, 1],
                          "y_hat": y_hat.item(), "E": nn.error(y_hat, nn.y),
                          "delta": delta.item(), "dE/dy_hat": delta.item(),
                          "dE/dh1": dE_dh[0, 0], "dE/dh2": dE_dh[0, 1], "dE/dE": 1.0,
                          **{f"dE/d{k}": v for k, v in nn.weights(dE_dW1, dE_dW2).items()}})
            W1, W2 = nn.step(nn.x, nn.y, W1, W2, nn.lr)
    else:
        found = [{"i1": sn.x[0, 0], "i2": sn.x[0, 1], "y1": sn.y[0, 0], "y2": sn.y[0, 1],
                  "lr": sn.lr}]
        params = (sn.W1, sn.W2, sn.b1, sn.b2)
        for _ in range(2):
            z_h, h, z_o, o = sn.forward(sn.x, *params)
            g = sn.backward(sn.x, sn.y, *params)
            named = {"zh": z_h, "h": h, "zo": z_o, "o": o, "delta_o": g["delta_o"],
                     "delta_h": g["delta_h"], "dE/dh": g["dE_dh"]}
            found.append({**sn.weights(*params[:2]), "b1": params[2], "b2": params[3],
                          "E": sn.error(o, sn.y), "dE/db1": g["dE_db1"], "dE/db2": g["dE_db2"],
                          **{f"{k}{j + 1}": v[0, j] for k, v in named.items() for j in (0, 1)},
                          **{f"dE/d{k}": v for k, v in
                             sn.weights(g["dE_dW1"], g["dE_dW2"]).items()}})
            params = sn.step(sn.x, sn.y, *params, sn.lr)
    for epoch, group in enumerate(found):
        for name, value in group.items():
            values[name].add((epoch or None, float(value)))  # None: data, at every epoch
    return values


# --- rule 3: arithmetic ----------------------------------------------------------------

MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.S)
MATRIX = re.compile(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}", re.S)
ROW_BREAK = re.compile(r"\\\\(?:\[[^]]*\])?|\\qquad|\\quad|(?<!\\),\s")
RELATION = re.compile(r"(=|\\approx)")
TEX_TO_PY = [(r"\\(begin|end)\{\w+\}", " "),
             (r"\\[tdc]?frac\{([^{}]*)\}\{([^{}]*)\}", r"((\1)/(\2))"),
             (r"\\(times|cdot)", "*"), ("−", "-"), (r"\^\{([^{}]*)\}", r"**(\1)"),
             (r"\^(\d)", r"**\1"), (r"\\(left|right|big|Big|,|;|!)", ""), (r"[&{}]", " "),
             (r"(M\d+)\s*(?=M\d)", r"\1 @ "),  # matrix times matrix
             (r"([\d)])\s*(?=[(M])", r"\1*"), (r"(M\d+|\))\s*(?=[\d(])", r"\1*")]


def to_python(tex):
    """A numeric TeX expression as Python, or None when it has symbols in it."""
    for pattern, repl in TEX_TO_PY:
        tex = re.sub(pattern, repl, tex)
    tex = " ".join(tex.split()).rstrip(",.;")
    numeric = re.fullmatch(r"(?:[\d.\s+\-*/()@e]|M\d+)+", tex) and re.search(r"\d", tex)
    return tex if numeric else None


def matrices(tex):
    """Replace each numeric bmatrix by a name M0, M1, ...

    Returns the new TeX, {name: array} and {name: the numbers as written}.
    """
    found, digits = {}, {}

    def name(m):
        rows = [[to_python(cell) for cell in row.split("&")]
                for row in re.split(r"\\\\", m[1]) if row.strip()]
        if any(cell is None for row in rows for cell in row):
            return "SYMBOLIC"
        key = f"M{len(found)}"
        found[key] = np.array([[evaluate(cell) for cell in row] for row in rows])
        digits[key] = numbers_in(m[1])
        return f" {key} "

    return MATRIX.sub(name, tex), found, digits


def evaluate(expr, literals=None, names=None):
    if literals is not None:
        it = iter(literals)
        expr = NUMBER.sub(lambda m: repr(next(it)), expr)
    return eval(expr, {"__builtins__": {}}, names or {})  # noqa: S307 -- checked characters


def rounding_slack(expr, names):
    """How far the rounding of the expression's decimal literals can move its value."""
    literals = numbers_in(expr)
    exact = evaluate(expr, [n.value for n in literals], names)
    slack = 0.0
    for k, lit in enumerate(literals):
        nudged = [n.value for n in literals]
        nudged[k] += lit.half_ulp
        slack += np.max(np.abs(evaluate(expr, nudged, names) - exact))
    return slack


def chains(rows):
    """Join a row that starts with a relation or a sign (`&= ...`, `&- ...` in aligned)
    to the row above: it continues the same chain."""
    joined = []
    for row in rows:
        if joined and re.match(r"\s*&?\s*(=|\\approx|[-+−])", row):
            joined[-1] += " " + row
        else:
            joined.append(row)
    return joined


def arithmetic_failures(text, where):
    failures = []
    for m in MATH.finditer(text):
        body, line = m[1] or m[2], text.count("\n", 0, m.start()) + 1
        body, names, digits = matrices(body)
        for row in chains(ROW_BREAK.split(body)):
            parts = RELATION.split(row)
            sides, relations = parts[0::2], parts[1::2]
            for left, rel, right in zip(sides, relations, sides[1:], strict=False):
                a, b = to_python(left), to_python(right)
                if a is None or b is None:
                    continue
                # Good to half a unit in the last digit written on the right.
                shown = [[*numbers_in(side), *(n for key in re.findall(r"M\d+", side)
                                                for n in digits[key])] for side in (b, a)]
                written = shown[0] or shown[1]
                tolerance = max(n.half_ulp for n in written) if written else 1e-12
                if rel == "\\approx":
                    tolerance += rounding_slack(a, names) + rounding_slack(b, names)
                gap = np.max(np.abs(evaluate(a, names=names) - evaluate(b, names=names)))
                if gap > tolerance * (1 + 1e-9) + 1e-12:
                    failures.append(f"{where}:{line}: {left.strip()} {rel} {right.strip()} is "
                                    f"false: the left side is {evaluate(a, names=names)}")
    return failures


# --- the page check --------------------------------------------------------------------


def outputs_of(markdown):
    """The output lines the page shows (embedded .txt files) or names in numbers_from."""
    names = set(re.findall(r'--8<--\s+"snippets/(\w+)\.txt', markdown))
    names |= set(front_matter(markdown).get("numbers_from", []))
    return [line for name in sorted(names)
            for line in (ROOT / "snippets" / f"{name}.txt").read_text().splitlines()]


def words(text):
    """Words of two letters or more, lower case, Δ read as delta (names like w1 or
    y_hat left out): how a column title and an output label meet."""
    return set(re.findall(r"(?<![\w'])[a-z]{2,}(?![\w'])", text.lower().replace("δ", "delta")))


def labelled(line):
    """(label words, number) for each number on an output line: the words since the
    number or punctuation before it. "w1  article 0.356  own delta 0.356200" gives
    ({"article"}, 0.356) and ({"own", "delta"}, 0.356200)."""
    found, end = [], 0
    for num in numbers_in(line):
        found.append((words(re.split(r"[,;:(]", line[end:num.start])[-1]), num))
        end = num.start + len(num.text)
    return found


def table_failures(text, outputs, where):
    """A number in a table row about a symbol must be printed on an output line about
    that symbol, right after a label whose words are all in the column's title (the
    column "its own Δ" takes the number after "own delta"); in a column whose title
    says "article", verbatim, sign included (a quote, not a rounding)."""
    failures, header = [], None
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if header is None:
            header = cells
            continue
        label = re.search(SYMBOL, cells[0].replace("$", ""))
        if not label:
            continue
        symbol = canonical(label["sym"])
        about = [o for o in outputs if re.search(rf"(?<!\w){re.escape(symbol)}(?!\w)", o)]
        named = words(symbol.replace("_", " "))  # "delta" labels no column
        for title, cell in zip(header[1:], cells[1:], strict=False):
            for num in numbers_in(cell.replace("−", "-"), n):
                quote = "article" in title.lower()
                ok = any(tag - named and tag - named <= words(title) and (
                    v.text.replace("−", "-") == num.text if quote
                    else num.shows(v.value))
                    for o in about for tag, v in labelled(o))
                if not ok:
                    failures.append(f"{where}:{n}: {num.text} under '{title}' for {symbol} is "
                                    f"not on any output line about {symbol} after a label "
                                    f"from '{title}'")
    return failures


SYMBOLIC_EQ_NUMERIC = re.compile(r"\\begin\{bmatrix\}((?:(?!\\end).)*)\\end\{bmatrix\}\s*"
                                 r"=\s*\\begin\{bmatrix\}((?:(?!\\end).)*)\\end\{bmatrix\}",
                                 re.S)


INPUT_VALUE = re.compile(r'<input name="' + SYMBOL + r'"[^>]*? value="(?P<num>[-−]?\d+(?:\.\d+)?)"')


def bound(text):
    """(line, offset, symbol, Number) for every `symbol = number` in the text, and for
    every entry of a matrix of symbols set equal to a matrix of numbers."""
    for m in BINDING.finditer(text):
        yield (text.count("\n", 0, m.start()) + 1, m.start(), canonical(m["sym"], bool(m["grad"])),
               Number(m["num"]))
    for m in INPUT_VALUE.finditer(text):  # the explorer's <input name="w1" value="0.34">
        yield (text.count("\n", 0, m.start()) + 1, m.start(), canonical(m["sym"]),
               Number(m["num"]))
    for m in SYMBOLIC_EQ_NUMERIC.finditer(text):
        cells = [re.split(r"&|\\\\", side) for side in (m[1], m[2])]
        for name, value in zip(*cells, strict=False):
            symbol = re.fullmatch(r"\s*" + SYMBOL + r"\s*", name)
            number = re.fullmatch(r"\s*([-−]?\d+\.\d+)\s*", value)
            if symbol and number:
                yield (text.count("\n", 0, m.start()) + 1, m.start(),
                       canonical(symbol["sym"]),
                       Number(number[1]))


def check_page(path, markdown=None):
    """Every rule's failures on the page (its file, or markdown in its place)."""
    return [failure for failures in rule_failures(path, markdown) for failure in failures]


def fails(path, markdown=None):
    """Whether any rule fails on the page: check_page's question for the mutation test,
    answered at the first rule that fails."""
    return any(rule_failures(path, markdown))


def rule_failures(path, markdown=None):
    """Each rule's failures on the page, a list per rule, the cheapest rules first."""
    markdown = path.read_text(encoding="utf-8") if markdown is None else markdown
    where = path.relative_to(ROOT) if path.is_absolute() else path
    text = reader_text(markdown)
    outputs = outputs_of(markdown)
    backed = [n.value for line in outputs for n in numbers_in(line)]
    failures = []
    for n in numbers_in(text):
        if not any(n.shows(v) for v in backed):
            nearest = min(backed, key=lambda v: abs(v - n.value), default=None)
            failures.append(f"{where}:{n.line}: {n.text} is printed by no snippet on this "
                            f"page (nearest computed value: {nearest})")
    yield failures
    yield binding_failures(text, symbol_values(front_matter(markdown).get("network", "linear")),
                           where)
    yield order_failures(text, outputs, where)
    yield table_failures(text, outputs, where)
    yield arithmetic_failures(text, where)


def binding_failures(text, bindings, where):
    """Rule 2: a bound symbol shows one of its values, and one paragraph's
    bindings fit one moment (epoch)."""
    failures = []
    moments = defaultdict(list)  # paragraph -> [(line, binding, epochs it fits)]
    for line, at, symbol, shown in bound(text):
        allowed = bindings.get(symbol, set())
        fits = {epoch for epoch, v in allowed if shown.shows(v)}
        if allowed and not fits:
            failures.append(f"{where}:{line}: {symbol} = {shown.text}: {symbol} is never "
                            f"{shown.text}; its values are {sorted(v for _, v in allowed)}")
        elif None not in fits and fits:  # data fit every moment
            moments[len(re.findall(r"\n[ \t]*\n", text[:at]))].append((line, symbol, fits))
    for found in moments.values():
        if not set.intersection(*(fits for _, _, fits in found)):
            where_ = ", ".join(f"{symbol} (line {line}: epoch {sorted(fits)})"
                               for line, symbol, fits in found)
            failures.append(f"{where}:{found[0][0]}: one paragraph binds values from "
                            f"different epochs: {where_}")
    return failures


SENTENCE_END = re.compile(r"[.!?:;](?=\s)|\n[ \t]*\n")


def order_failures(text, outputs, where):
    """Rule 5: two numbers in one sentence of prose, outside formulas and bindings, keep
    the order the outputs print them in ("falls from 0.306466 to 0.251759")."""
    skip = [(m.start(), m.end()) for m in MATH.finditer(text)]
    skip += [(m.start(), m.end()) for m in re.finditer(r"<[^>]*>", text)]
    skip += [(m.start(), m.end()) for m in BINDING.finditer(text)]
    skip += [(m.start(), m.end()) for m in re.finditer(r"^\|.*$", text, re.M)]  # rule 4's
    prose = [n for n in numbers_in(text) if not any(a <= n.start < b for a, b in skip)]
    failures = []
    for n, m in zip(prose, prose[1:], strict=False):
        if SENTENCE_END.search(text, n.start + len(n.text), m.start) or n.value == m.value:
            continue
        placed = [(k, *(sorted(v.start for v in numbers_in(line) if x.shows(v.value))
                         for x in (n, m))) for k, line in enumerate(outputs)]
        # On a line that prints both, in that order; else anywhere in that order.
        both = [(a, b) for _, a, b in placed if a and b]
        firsts = [(k, a) for k, a, _ in placed for a in a]
        seconds = [(k, b) for k, _, b in placed for b in b]
        ok = (any(min(a) < max(b) for a, b in both) if both
              else not firsts or not seconds or min(firsts) < max(seconds))
        if not ok:
            failures.append(f"{where}:{n.line}: {n.text} comes before {m.text} here, but not "
                            f"in the outputs the page shows")
    return failures
