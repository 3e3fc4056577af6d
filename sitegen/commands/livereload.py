"""Live reload for the preview: a build id that open pages watch over Server-Sent Events.

The server adds the script to the HTML it sends; the files in the output never hold it.
"""

from __future__ import annotations

import secrets
import threading

EVENTS_PATH = "/__sitegen/events"
_SCRIPT = (
    '<script>/* sitegen serve: live reload */(()=>{const s=new EventSource("%s");'
    's.onmessage=e=>{if(e.data!=="%s"){s.close();location.reload()}}})();</script>\n'
)


class LiveReload:
    """The id of the build being served, and a way to wait until it changes."""

    def __init__(self) -> None:
        self._run = secrets.token_hex(4)  # new for every server run, so a restart reloads too
        self._count = 0
        self.build_id = f"{self._run}-0"
        self._changed = threading.Condition()
        self.closed = False

    def bump(self) -> None:
        with self._changed:
            self._count += 1
            self.build_id = f"{self._run}-{self._count}"
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait(self, seen: str, timeout: float) -> str:
        """The build id as soon as it differs from ``seen``, else after ``timeout`` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.build_id != seen, timeout)
            return self.build_id

    def inject(self, page: bytes) -> bytes:
        """The page with the reload script before its last </body>."""
        script = (_SCRIPT % (EVENTS_PATH, self.build_id)).encode()
        at = page.lower().rfind(b"</body>")
        return page + script if at < 0 else page[:at] + script + page[at:]
