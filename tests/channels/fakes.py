"""Local stand-ins for the providers' HTTP APIs (Graph API, Telegram Bot API),
speaking their documented request and response shapes on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PHONE_NUMBER_ID = "106540352242922"
BOT_TOKEN = "123456:TEST-bot-token"
MEDIA_BYTES = {}


class FakeProvider(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        super().__init__((host, port), Handler)
        self.calls: list[dict] = []
        # Answers to give before the normal one: an HTTP status or "hang".
        self.failures: list[int | str] = []
        self.release = threading.Event()
        self.media: dict[str, tuple[bytes, str]] = {}
        self.counter = 0

    @property
    def url(self) -> str:
        return f"http://{self.server_address[0]}:{self.server_address[1]}"

    @property
    def endpoint(self) -> str:
        return f"{self.server_address[0]}:{self.server_address[1]}"

    def sent(self, path_end: str) -> list[dict]:
        return [
            call
            for call in self.calls
            if call["method"] == "POST" and call["path"].endswith(path_end)
        ]


class Handler(BaseHTTPRequestHandler):
    server: FakeProvider

    def log_message(self, *args):
        pass

    def _answer(self, status: int, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self, method: str) -> dict:
        parsed = urlparse(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        call = {
            "method": method,
            "path": parsed.path,
            "query": {k: v[0] for k, v in parse_qs(parsed.query).items()},
            "headers": dict(self.headers),
            "json": json.loads(raw) if raw else None,
        }
        self.server.calls.append(call)
        return call

    def _failure(self) -> bool:
        if not self.server.failures:
            return False
        failure = self.server.failures.pop(0)
        if failure == "hang":
            self.server.release.wait(2)
            return True
        error = {"error": {"message": "Injected", "type": "OAuthException", "code": 1}}
        self._answer(int(failure), error)
        return True

    def do_GET(self):
        call = self._record("GET")
        if self._failure():
            return
        path = call["path"]
        auth = call["headers"].get("Authorization", "")
        if path.startswith("/media-files/"):
            if auth != "Bearer wa-token":
                return self._answer(401, {"error": {"message": "no token"}})
            content, mime = self.server.media[path.rsplit("/", 1)[1]]
            return self._answer(200, content, mime)
        if path == f"/bot{BOT_TOKEN}/getFile":
            file_id = call["query"]["file_id"]
            return self._answer(
                200,
                {
                    "ok": True,
                    "result": {"file_id": file_id, "file_path": f"documents/{file_id}"},
                },
            )
        if path.startswith(f"/file/bot{BOT_TOKEN}/"):
            content, mime = self.server.media[path.rsplit("/", 1)[1]]
            return self._answer(200, content, mime)
        if path == "/redirect":
            # A CDN link that moves: 302 to wherever ?to= says.
            self.send_response(302)
            self.send_header("Location", call["query"].get("to", "/redirect"))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path.startswith("/trickle/"):
            # A body that never finishes in time: one byte per 50 ms.
            size = int(path.rsplit("/", 1)[1])
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            for _ in range(size):
                if self.server.release.is_set():
                    break
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    break
                time.sleep(0.05)
            return None
        if path.startswith("/unsized/"):
            # A body without Content-Length (ends when the connection closes).
            size = int(path.rsplit("/", 1)[1])
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.end_headers()
            self.server.sent_bytes = 0
            try:
                for _ in range(size // 4096):
                    self.wfile.write(b"x" * 4096)
                    self.server.sent_bytes += 4096
            except OSError:
                pass
            return None
        if path.startswith("/cdn/"):
            content, mime = self.server.media[path.rsplit("/", 1)[1]]
            return self._answer(200, content, mime)
        # Graph API media node: GET /{media-id}
        media_id = path.strip("/")
        if media_id in self.server.media and auth == "Bearer wa-token":
            content, mime = self.server.media[media_id]
            return self._answer(
                200,
                {
                    "messaging_product": "whatsapp",
                    "url": f"{self.server.url}/media-files/{media_id}",
                    "mime_type": mime,
                    "sha256": "x",
                    "file_size": len(content),
                    "id": media_id,
                },
            )
        return self._answer(404, {"error": {"message": "Unknown path"}})

    def do_POST(self):
        call = self._record("POST")
        if self._failure():
            return
        path, body = call["path"], call["json"] or {}
        self.server.counter += 1
        number = self.server.counter
        if path == f"/{PHONE_NUMBER_ID}/messages":
            return self._answer(
                200,
                {
                    "messaging_product": "whatsapp",
                    "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                    "messages": [{"id": f"wamid.OUT{number}"}],
                },
            )
        if path == "/me/messages":
            return self._answer(
                200,
                {
                    "recipient_id": body["recipient"]["id"],
                    "message_id": f"m_OUT{number}",
                },
            )
        if path == f"/bot{BOT_TOKEN}/sendMessage":
            return self._answer(
                200,
                {
                    "ok": True,
                    "result": {
                        "message_id": 9000 + number,
                        "chat": {"id": body["chat_id"], "type": "private"},
                        "date": 1767225600,
                        "text": body["text"],
                    },
                },
            )
        return self._answer(404, {"error": {"message": "Unknown path"}})


def start(host: str = "127.0.0.1", port: int = 0) -> FakeProvider:
    server = FakeProvider(host, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server
