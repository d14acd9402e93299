// Two fixes to what assistive technology is told, run once the theme has built the page.

// A formula or table wider than the column scrolls sideways: make each such box
// reachable by keyboard (and named), so it can be scrolled without a mouse.
function focusable() {
  for (const box of document.querySelectorAll(".katex-display, .md-typeset__scrollwrap")) {
    const wide = box.scrollWidth > box.clientWidth + 1;
    if (wide && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", box.matches(".katex-display") ? "formula, scrolls sideways"
        : "table, scrolls sideways");
    } else if (!wide && box.getAttribute("role") === "region") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
}

// The theme wraps each code block's copy button in an unnamed <nav>: dozens of
// identical "navigation" landmarks on a page. The button stays; the landmark goes.
function unlandmarked() {
  for (const nav of document.querySelectorAll("nav.md-code__nav")) {
    nav.setAttribute("role", "none");
  }
}

addEventListener("load", () => { focusable(); unlandmarked(); });
addEventListener("resize", focusable);
