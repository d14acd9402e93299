"""Put a Content-Security-Policy meta tag in every page's <head>.

GitHub Pages sends no headers, so the policy travels in the page. It allows
the site's own origin only; the theme's inline scripts and styles are allowed
by their SHA-256 hashes, computed from the finished page, never 'unsafe-inline'.
"""

import base64
import hashlib
import re

INLINE = re.compile(r"<(script|style)((?:\s[^>]*)?)>(.*?)</\1>", re.S)
POLICY = ("default-src 'self'; script-src 'self' {script}; style-src 'self' {style}; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'none'")


def on_post_page(output, page, config):
    return with_policy(output)


def on_post_template(output, template_name, config):
    return with_policy(output) if template_name.endswith(".html") else output


def with_policy(markup):
    hashes = {"script": set(), "style": set()}
    for kind, attrs, body in INLINE.findall(markup):
        if " src=" in attrs or "application/json" in attrs:
            continue  # loaded from a file, or data the browser never runs
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        hashes[kind].add(f"'sha256-{digest}'")
    policy = POLICY.format(**{kind: " ".join(sorted(h)) for kind, h in hashes.items()})
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    # Before any script: a policy in a meta tag governs only what follows it.
    return markup.replace("<head>", f"<head>\n    {meta}", 1)
