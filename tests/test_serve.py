"""`make serve`: a busy port is named in one line, before installing or building; a
saved edit reloads the page open in the browser."""

import re
import socket
import subprocess

import csp
from browser import live, visit
from conftest import ROOT, minimal_site


def test_a_busy_port_is_named():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(["make", "--no-print-directory", "serve", f"PORT={port}"],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    ours = [line for line in done.stderr.splitlines()
            if not re.match(r"make(\[\d+\])?: ", line)]  # make's own report of the failure
    assert ours == [f"make serve: port {port} on 127.0.0.1 is in use; stop what uses it "
                    f"or choose another: make serve PORT={port + 1}"], done.stderr
    assert "Traceback" not in done.stdout + done.stderr and "Building" not in done.stderr


def test_a_saved_edit_reloads_the_open_page(tmp_path, browser):
    """The author's loop, with the site's Content-Security-Policy on: the page reloads
    itself after a save and nothing is refused (hooks/csp.py lets MkDocs' live-reload
    script run under serve). A one-page site: the loop, not the chapters, is tested."""
    minimal_site(tmp_path, {"index.md": "# Before the edit\n"},
                 theme={"name": "material", "font": False},
                 hooks=[csp.__file__])
    with live(tmp_path) as (url, _):
        seen, page, context = visit(browser, url, wait_until="load")
        (tmp_path / "docs" / "index.md").write_text("# After the edit\n")
        page.locator("h1", has_text="After the edit").wait_for(timeout=20_000)
        assert not seen.console_errors and not page.evaluate("window.__csp"), (
            seen.console_errors)
        context.close()
