"""Exit with one line naming the port when 127.0.0.1:PORT is taken (make serve).

    python3 tools/port_free.py 8000

Standard library only: make serve runs it before installing or building.
"""

import socket
import sys

port = int(sys.argv[1])
with socket.socket() as probe:
    try:
        probe.bind(("127.0.0.1", port))
    except OSError:
        sys.exit(f"make serve: port {port} on 127.0.0.1 is in use; "
                 f"stop what uses it or choose another: make serve PORT={port + 1}")
