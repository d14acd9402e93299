// Render TeX to HTML+MathML with KaTeX, for hooks/katex.py: one process per build.
// stdin: one JSON array [{tex, display}] per line; stdout: one JSON array
// [{html} | {error}] per line, in the same order.
"use strict";
const katex = require("katex");
const readline = require("readline");

function render({ tex, display }) {
  try {
    // strict "error": a macro or construct KaTeX does not know is an error,
    // never a red fragment published on the page.
    const html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      strict: "error",
      output: "htmlAndMathml",
    });
    return { html };
  } catch (err) {
    return { error: err.message };
  }
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  process.stdout.write(JSON.stringify(JSON.parse(line).map(render)) + "\n");
});
