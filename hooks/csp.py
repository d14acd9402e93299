"""Put a Content-Security-Policy meta tag in every page's <head>, right after its charset.

GitHub Pages sends no headers, so the policy travels in the page. Everything is
refused unless allowed by kind (default-src 'none'); the site's own origin may
serve scripts, styles, images, fonts and the search worker. An inline script or
style runs only if hooks/csp-allowed.toml lists its SHA-256 hash with where it
comes from: that list is reviewed like code, so a <script> typed into a chapter
or emitted by a notebook output fails the build instead of being allowed.

Under `mkdocs serve` (make serve) the pages allow inline scripts: MkDocs puts its
live-reload script, different for every request, into each page it serves, and
no hash can name it (a listed hash would make the browser ignore
'unsafe-inline'). The build's own inline blocks are still checked against the
list; a built site, the one published, always carries the hashes.
"""

import base64
import hashlib
import re
import tomllib
from pathlib import Path

from mkdocs.exceptions import PluginError

ALLOWED = Path(__file__).with_name("csp-allowed.toml")
INLINE = re.compile(r"<(script|style)((?:\s[^>]*)?)>(.*?)</\1>", re.S)
SITE_PATH = re.compile(r'new URL\("/[^"]*",location\)')
CHARSET = re.compile(r'<meta charset="[^"]*">')
POLICY = ("default-src 'none'; script-src 'self' {script}; style-src 'self' {style}; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
          "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'")

serving = {"live": False}  # set once per process; MkDocs loads a hook once


def on_startup(command, dirty):
    serving["live"] = command == "serve"


def reviewed():
    """{hash: (kind, where it comes from)} from hooks/csp-allowed.toml."""
    entries = tomllib.loads(ALLOWED.read_text(encoding="utf-8"))["inline"]
    return {e["sha256"]: (e["kind"], e["source"]) for e in entries}


def on_post_page(output, page, config):
    return with_policy(output, page.file.src_uri)


def on_post_template(output, template_name, config):
    return with_policy(output, template_name) if template_name.endswith(".html") else output


def sha256(text):
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def listed_as(body):
    """The hash csp-allowed.toml lists a block under. 404.html names the site's path ("/"
    locally, "/repo/" on GitHub Pages): reviewed once, as built for "/"."""
    return sha256(SITE_PATH.sub('new URL("/",location)', body))


def with_policy(markup, where):
    allowed = reviewed()
    hashes = {"script": set(), "style": set()}
    for kind, attrs, body in INLINE.findall(markup):
        if " src=" in attrs or "application/json" in attrs:
            continue  # loaded from a file, or data the browser never runs
        listed = listed_as(body)
        if allowed.get(listed, (None,))[0] != kind:
            raise PluginError(f"{where}: an inline <{kind}> that {ALLOWED.name} does not list "
                              f"(sha256 {listed}): {body.strip()[:80]!r}")
        hashes[kind].add(f"'sha256-{sha256(body)}'")
    if serving["live"]:
        hashes["script"] = {"'unsafe-inline'"}
    policy = POLICY.format(**{kind: " ".join(sorted(h)) for kind, h in hashes.items()})
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    charset = CHARSET.search(markup)
    if not charset:
        raise PluginError(f"{where}: no <meta charset> to put the policy after")
    # After the charset (which must come first), before any script: a policy in a
    # meta tag governs only what follows it.
    return markup[:charset.end()] + f"\n    {meta}" + markup[charset.end():]
