"""A preview server: serves the output under the base URL's path, with 404.html for misses."""

from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.build import BuildOptions
from sitegen.config import load_config


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files below ``root_path`` (e.g. /repo/) from the output folder."""

    root_path = "/"

    def send_head(self):  # type: ignore[no-untyped-def]
        if not urlsplit(self.path).path.startswith(self.root_path):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        request = urlsplit(path).path
        return super().translate_path("/" + request[len(self.root_path) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def make_server(out: Path, root_path: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = type("Handler", (PreviewHandler,), {"root_path": root_path})
    return http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(out))
    )


def serve(options: BuildOptions, out: Path, port: int) -> None:
    """Serve the built site until Ctrl-C."""
    config = load_config(options.site, options.base_url)
    root_path = urlsplit(config.base_url).path or "/"
    server = make_server(out, root_path, port)
    print(f"serving {out} at http://127.0.0.1:{port}{root_path} (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
