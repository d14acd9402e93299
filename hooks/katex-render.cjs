// Render TeX to HTML+MathML with KaTeX, for hooks/katex.py.
// stdin: JSON [{tex, display}]; stdout: JSON [{html} | {error}].
"use strict";
const katex = require("katex");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(({ tex, display }) => {
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
  });
  process.stdout.write(JSON.stringify(results));
});
