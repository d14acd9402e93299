"""`make serve` on a busy port says so in one line, before installing or building."""

import re
import socket
import subprocess

from conftest import ROOT


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
