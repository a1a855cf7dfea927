#!/usr/bin/env python3
"""Serve a built playground on http://127.0.0.1:8000/.

    python3 web/serve.py [BUILD_DIR_OR_SITE] [--port 8000] [--host 127.0.0.1]

BUILD_DIR_OR_SITE is a Wasm build directory (its site/ subfolder is served)
or the site folder itself; default: build-wasm. `.wasm` goes out as
application/wasm, which browsers need for streaming compilation, and nothing
is cached, so a rebuild shows on the next reload.
"""

import argparse
import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".html": "text/html; charset=utf-8",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("AIO_SERVE_QUIET"):
            return
        super().log_message(fmt, *args)


def site_dir(path):
    """The folder holding index.html: PATH/site if there is one, else PATH."""
    candidate = os.path.join(path, "site")
    return candidate if os.path.isfile(os.path.join(candidate, "index.html")) else path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default="build-wasm", help="build directory or site folder")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)

    root = os.path.abspath(site_dir(args.dir))
    if not os.path.isfile(os.path.join(root, "index.html")):
        print(f"serve.py: no index.html in {root}; build the Wasm target first", file=sys.stderr)
        return 1

    handler = functools.partial(Handler, directory=root)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        port = server.server_address[1]
        print(f"Serving {root}", flush=True)
        print(f"Open http://{args.host}:{port}/", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
