#!/usr/bin/env python3
"""Reference implementation of Newsdesk's generic ninjs publishing endpoint.

The contract is docs/portal-api/ninjs-endpoint.yaml (OpenAPI 3.1); docs/portal-api/README.md
tells a portal team what Newsdesk sends. This server is small on purpose (Python 3.11 standard
library only) and is what Newsdesk's integration tests publish to: a real HTTP server on
127.0.0.1 that keeps its state in a data folder across restarts.

    NINJS_TOKEN=secret python3 scripts/portals/ninjs_server.py --data DIR --port 0 \
        --prefix /api/newsdesk
    # stdout, one line once listening: {"url": "http://127.0.0.1:PORT/api/newsdesk", "pid": N}

API (under the prefix, every request with `Authorization: Bearer <token>`):
    GET  /                  portal name and ninjs version
    PUT  /media/{sha256}    a picture, content-addressed (201 new, 200 known)
    PUT  /items/{uri}       a ninjs item; If-None-Match: * (create) or If-Match: "<etag>" (update)
    GET  /items/{uri}       the stored item with ETag and Last-Modified
    GET  /items             newest first, ?limit=N (default 50, max 200) &cursor=C
    GET  /vocabulary        tags and sections
Public side of this reference portal (no token; the URLs are the `href`s the API answers with):
    GET  /public/items/{uri}      HTML page with the headline; 404 while embargoed or withheld,
                                  410 once canceled
    GET  /public/media/{sha256}   the picture's bytes

Data folder: index.json (items' and media's metadata, the write sequence), items/ (one JSON
file per item, named by the SHA-256 of its uri and its version), media/ (one file per digest).
Every file is written to a temporary file and renamed into place; the index is written after
the file it points to, and files that no index entry names are removed at start, so a crash at
any point leaves either the old or the new state.

Knobs: NINJS_TOKEN or --token-file (the token is never logged), NINJS_RATE_LIMIT=N (or
--rate-limit N) for a token bucket of N requests per second that answers 429 with Retry-After,
--vocabulary FILE ({"tags": [...], "sections": [...]} or a list of tags), --name, --public-url,
--max-media-bytes, --max-item-bytes. Each request is logged to stderr as method, path, status.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import email.message
import email.utils
import hashlib
import hmac
import html
import json
import math
import os
import re
import signal
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NINJS_VERSION = "2.1"
INDEX_FORMAT = "newsdesk-ninjs-reference/1"
DEFAULT_MAX_MEDIA_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_ITEM_BYTES = 16 * 1024 * 1024
LIST_DEFAULT = 50
LIST_MAX = 200
# A request body that is not read (the request failed before) is read and dropped up to this
# size so the connection can be kept; a larger one closes the connection instead.
DRAIN_LIMIT = 1024 * 1024

# Accepted picture types and how their files begin (a body that does not is refused).
MEDIA_TYPES = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/webp": (),  # RIFF....WEBP, checked in looks_like()
    "image/tiff": (b"II*\x00", b"MM\x00*"),
}
PUBSTATUS = ("usable", "withheld", "canceled")
DIGEST_RE = re.compile(r"^[0-9a-f]{64}$")
RFC3339_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)
PREFIX_RE = re.compile(r"^(/[A-Za-z0-9._~!$&'()*+,;=:@-]+)*$")


class ApiError(Exception):
    """A request that fails with an HTTP status and a JSON `{"error": ...}` body."""

    def __init__(self, status, message, extra=None, headers=None, close=False):
        super().__init__(message)
        self.status = int(status)
        self.message = message
        self.extra = extra or {}
        self.headers = headers or {}
        self.close = close


# ---------------------------------------------------------------------------------------------
# small helpers


def rfc3339(epoch: float) -> str:
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_rfc3339(value: str) -> dt.datetime | None:
    """An RFC 3339 date-time (offset required) as an aware datetime, or None."""
    if not isinstance(value, str) or not RFC3339_RE.match(value):
        return None
    text = value.upper().replace("Z", "+00:00")
    # fromisoformat takes up to 6 fractional digits; RFC 3339 allows more.
    text = re.sub(r"(\.\d{6})\d+", r"\1", text)
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def looks_like(media_type: str, data: bytes) -> bool:
    if media_type == "image/webp":
        return len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return any(data.startswith(magic) for magic in MEDIA_TYPES[media_type])


def atomic_write(path: str, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    folder = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def json_bytes(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"before:{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        kind, _, number = text.partition(":")
        if kind != "before" or not number.isdigit():
            raise ValueError(cursor)
        return int(number)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "The cursor is not one this portal gave out.") from exc


def etag_list(header: str) -> list[str]:
    """The entity tags of an If-Match / If-None-Match header (`*` stays `*`)."""
    return [tag for tag in re.findall(r'\*|(?:W/)?"[^"]*"', header)]


def validate_item(item) -> None:
    """Check what this portal acts on; everything else is stored as it came."""
    if not isinstance(item, dict):
        raise ApiError(400, "The body must be a JSON object (a ninjs item).")
    if "uri" not in item:
        raise ApiError(400, "The item has no uri.")
    uri = item["uri"]
    if not isinstance(uri, str) or not uri.strip():
        raise ApiError(400, "The item's uri must be a non-empty string.")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in uri):
        raise ApiError(400, "The item's uri must not contain control characters.")
    for name in ("headlines", "subjects", "descriptions", "bodies", "associations"):
        if name in item:
            value = item[name]
            if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
                raise ApiError(400, f"{name} must be a list of objects.")
    for headline in item.get("headlines", []):
        if "value" in headline and not isinstance(headline["value"], str):
            raise ApiError(400, "Each headline's value must be a string.")
    for subject in item.get("subjects", []):
        for key in ("name", "rel"):
            if key in subject and not isinstance(subject[key], str):
                raise ApiError(400, f"Each subject's {key} must be a string.")
    if "pubstatus" in item and item["pubstatus"] not in PUBSTATUS:
        raise ApiError(400, "pubstatus must be one of usable, withheld, canceled.")
    if "embargoed" in item and parse_rfc3339(item["embargoed"]) is None:
        raise ApiError(400, "embargoed must be an RFC 3339 date-time with an offset.")


# ---------------------------------------------------------------------------------------------
# the store


class Store:
    """Items and media in a data folder; every method takes the one lock."""

    def __init__(self, root: str, tags=(), sections=()):
        self.root = os.path.abspath(root)
        self.items_dir = os.path.join(self.root, "items")
        self.media_dir = os.path.join(self.root, "media")
        self.index_path = os.path.join(self.root, "index.json")
        self.lock = threading.RLock()
        self.configured_tags = list(tags)
        self.configured_sections = list(sections)
        os.makedirs(self.items_dir, exist_ok=True)
        os.makedirs(self.media_dir, exist_ok=True)
        self.seq = 0
        self.meta: dict[str, dict] = {}  # uri -> file, version, etag, created, modified, seq
        self.items: dict[str, dict] = {}  # uri -> the stored ninjs item
        self.media: dict[str, dict] = {}  # digest -> type, filename, size, created
        self._load()

    # -- loading and saving

    def _load(self) -> None:
        if os.path.exists(self.index_path):
            with open(self.index_path, "rb") as f:
                index = json.load(f)
            if index.get("format") != INDEX_FORMAT:
                raise SystemExit(f"error: {self.index_path} is not a {INDEX_FORMAT} index")
            self.seq = int(index.get("seq", 0))
            self.meta = index.get("items", {})
            self.media = index.get("media", {})
        for uri, meta in list(self.meta.items()):
            path = os.path.join(self.items_dir, meta["file"])
            try:
                with open(path, "rb") as f:
                    self.items[uri] = json.load(f)
            except FileNotFoundError:
                log(f"warning: {path} is missing; item {uri!r} dropped")
                del self.meta[uri]
        for digest in list(self.media):
            if not os.path.exists(os.path.join(self.media_dir, digest)):
                log(f"warning: media file {digest} is missing; dropped")
                del self.media[digest]
        # Files no entry names: left by a write that did not reach the index, or temporaries.
        known_items = {meta["file"] for meta in self.meta.values()}
        for name in os.listdir(self.items_dir):
            if name not in known_items:
                os.unlink(os.path.join(self.items_dir, name))
        for name in os.listdir(self.media_dir):
            if name not in self.media:
                os.unlink(os.path.join(self.media_dir, name))
        for name in os.listdir(self.root):
            if name.startswith(".tmp-"):
                os.unlink(os.path.join(self.root, name))

    def _save_index(self) -> None:
        index = {"format": INDEX_FORMAT, "seq": self.seq, "items": self.meta, "media": self.media}
        atomic_write(self.index_path, json.dumps(index, ensure_ascii=False, indent=1).encode())

    # -- items

    def get_item(self, uri: str):
        with self.lock:
            if uri not in self.items:
                return None, None
            return self.items[uri], dict(self.meta[uri])

    def put_item(self, uri: str, item: dict, if_match: str | None, if_none_match: str | None):
        """Create or update under the preconditions; returns (created, meta)."""
        data = json_bytes(item)
        with self.lock:
            current = self.meta.get(uri)
            if if_none_match is not None:
                if current is not None:
                    raise ApiError(
                        412,
                        "An item with this uri exists already (If-None-Match: * is create only).",
                        {"etag": current["etag"]},
                    )
            else:
                if current is None:
                    raise ApiError(404, "There is no item with this uri to update.")
                tags = etag_list(if_match)
                if "*" not in tags and current["etag"] not in tags:
                    raise ApiError(
                        412,
                        "The item has changed on the portal since that ETag (If-Match is stale).",
                        {"etag": current["etag"]},
                    )
            now = time.time()
            version = (current["version"] if current else 0) + 1
            digest = hashlib.sha256(uri.encode("utf-8")).hexdigest()
            file_name = f"{digest}-v{version}.json"
            atomic_write(os.path.join(self.items_dir, file_name), data)
            self.seq += 1
            meta = {
                "file": file_name,
                "version": version,
                "etag": f'"v{version}-{hashlib.sha256(data).hexdigest()[:12]}"',
                "created": current["created"] if current else rfc3339(now),
                "modified": rfc3339(now),
                "modified_epoch": int(now),
                "seq": self.seq,
            }
            self.meta[uri] = meta
            self.items[uri] = json.loads(data)
            try:
                self._save_index()
            except BaseException:
                # The index on disk still names the old version: so does memory.
                if current is None:
                    del self.meta[uri], self.items[uri]
                else:
                    self.meta[uri] = current
                    with open(os.path.join(self.items_dir, current["file"]), "rb") as f:
                        self.items[uri] = json.load(f)
                raise
            if current is not None:
                try:
                    os.unlink(os.path.join(self.items_dir, current["file"]))
                except FileNotFoundError:
                    pass
            return current is None, dict(meta)

    def list_items(self, limit: int, before: int | None):
        with self.lock:
            ordered = sorted(self.meta.items(), key=lambda kv: kv[1]["seq"], reverse=True)
            if before is not None:
                ordered = [kv for kv in ordered if kv[1]["seq"] < before]
            page = ordered[:limit]
            more = len(ordered) > limit
            items = [self.items[uri] for uri, _ in page]
            next_cursor = encode_cursor(page[-1][1]["seq"]) if more and page else None
            return items, next_cursor

    def vocabulary(self):
        with self.lock:
            tags, sections = set(self.configured_tags), set(self.configured_sections)
            for item in self.items.values():
                for subject in item.get("subjects", []):
                    name = subject.get("name")
                    if not isinstance(name, str) or not name.strip():
                        continue
                    if subject.get("rel") == "section":
                        sections.add(name.strip())
                    else:
                        tags.add(name.strip())
        order = lambda s: (s.casefold(), s)  # noqa: E731
        return sorted(tags, key=order), sorted(sections, key=order)

    # -- media

    def media_info(self, digest: str):
        with self.lock:
            info = self.media.get(digest)
            return dict(info) if info else None

    def media_path(self, digest: str) -> str:
        return os.path.join(self.media_dir, digest)

    def put_media(self, digest: str, data: bytes, media_type: str, filename: str | None) -> bool:
        """Store the bytes under their digest; True when they were new."""
        with self.lock:
            if digest in self.media:
                return False
        # Written outside the lock (up to 64 MiB); renamed into place under it.
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.root)
        moved = False
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            with self.lock:
                if digest in self.media:
                    return False
                os.replace(tmp, self.media_path(digest))
                moved = True
                self.media[digest] = {
                    "type": media_type,
                    "filename": filename,
                    "size": len(data),
                    "created": rfc3339(time.time()),
                }
                try:
                    self._save_index()
                except BaseException:
                    del self.media[digest]
                    raise
                return True
        finally:
            if not moved:
                os.unlink(tmp)


# ---------------------------------------------------------------------------------------------
# rate limit


class TokenBucket:
    """N requests per second, bursts of up to N."""

    def __init__(self, rate: float):
        self.rate = rate
        self.tokens = rate
        self.stamp = time.monotonic()
        self.lock = threading.Lock()

    def take(self) -> float:
        """0 when the request may go on, else the seconds until it may."""
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.rate, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
            if self.tokens >= 1:
                self.tokens -= 1
                return 0.0
            return (1 - self.tokens) / self.rate


# ---------------------------------------------------------------------------------------------
# HTTP


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


def log(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "NewsdeskNinjsReference/1.0"
    # Idle keep-alive connections are closed after this many seconds.
    timeout = 60

    # The server object carries: store, token, prefix, name, public_base, max_media_bytes,
    # max_item_bytes, bucket.

    def do_GET(self):
        self.dispatch("GET")

    def do_HEAD(self):
        self.dispatch("HEAD")

    def do_PUT(self):
        self.dispatch("PUT")

    def do_POST(self):
        self.dispatch("POST")

    def do_DELETE(self):
        self.dispatch("DELETE")

    def do_PATCH(self):
        self.dispatch("PATCH")

    def do_OPTIONS(self):
        self.dispatch("OPTIONS")

    def version_string(self):
        return self.server_version

    # -- logging: method, path and status only, never a header

    def log_request(self, code="-", size="-"):
        code = int(code) if isinstance(code, (int, HTTPStatus)) else code
        log(f"{now_utc()} {self.command} {self.path} {code}")

    def log_message(self, format, *args):
        log(f"{now_utc()} {format % args}")

    def send_error(self, code, message=None, explain=None):
        # Called by the base class for malformed requests: answer JSON like everything else.
        try:
            short = HTTPStatus(code).phrase
        except ValueError:
            short = "Error"
        self.close_connection = True
        body = json_bytes({"error": message or short})
        self.send_response(code, message)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)

    # -- routing

    def dispatch(self, method: str) -> None:
        self.body_pending = self._has_body()
        self.is_head = method == "HEAD"
        try:
            self.route(method)
        except ApiError as exc:
            self.send_json(exc.status, {"error": exc.message, **exc.extra}, exc.headers, exc.close)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:  # a bug: say so, keep serving
            log(traceback.format_exc())
            self.send_json(500, {"error": "The portal failed on this request."}, close=True)

    def route(self, method: str) -> None:
        srv = self.server
        split = urllib.parse.urlsplit(self.path)
        path = split.path
        if path != srv.prefix and not path.startswith(srv.prefix + "/"):
            raise ApiError(404, "Nothing here: the endpoint is under " + (srv.prefix or "/") + ".")
        rest = path[len(srv.prefix):] or "/"
        parts = rest.split("/")[1:]  # raw (still percent-encoded) segments

        if parts[:1] == ["public"]:
            return self.route_public(method, parts[1:])

        if srv.bucket is not None:
            wait = srv.bucket.take()
            if wait > 0:
                raise ApiError(
                    429,
                    "Too many requests: slow down and retry after the given seconds.",
                    headers={"Retry-After": str(max(1, math.ceil(wait)))},
                )
        self.authorize()

        if parts in ([""], []):
            self.allow(method, "GET")
            return self.send_json(200, {"name": srv.name, "ninjs": NINJS_VERSION})
        if parts == ["vocabulary"]:
            self.allow(method, "GET")
            tags, sections = srv.store.vocabulary()
            return self.send_json(200, {"tags": tags, "sections": sections})
        if parts == ["items"]:
            self.allow(method, "GET")
            return self.list_items(split.query)
        if len(parts) == 2 and parts[0] == "items" and parts[1]:
            uri = self.decode_segment(parts[1])
            self.allow(method, "GET", "PUT")
            if method == "PUT":
                return self.put_item(uri)
            return self.get_item(uri)
        if len(parts) == 2 and parts[0] == "media" and parts[1]:
            self.allow(method, "PUT")
            return self.put_media(parts[1])
        raise ApiError(404, "There is no such resource on this endpoint.")

    def allow(self, method: str, *methods: str) -> None:
        allowed = list(methods) + (["HEAD"] if "GET" in methods else [])
        if method not in allowed:
            raise ApiError(
                405,
                f"{method} is not allowed here; allowed: {', '.join(allowed)}.",
                headers={"Allow": ", ".join(allowed)},
            )

    def authorize(self) -> None:
        header = self.headers.get("Authorization")
        challenge = 'Bearer realm="newsdesk"'
        if not header:
            raise ApiError(
                401,
                "Authorization: Bearer <token> is required.",
                headers={"WWW-Authenticate": challenge},
            )
        scheme, _, token = header.strip().partition(" ")
        given = token.strip().encode("utf-8", "surrogateescape")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given, self.server.token):
            raise ApiError(
                401,
                "The bearer token is not valid for this portal.",
                headers={"WWW-Authenticate": challenge + ', error="invalid_token"'},
            )

    @staticmethod
    def decode_segment(segment: str) -> str:
        try:
            value = urllib.parse.unquote(segment, encoding="utf-8", errors="strict")
        except UnicodeDecodeError as exc:
            raise ApiError(400, "The uri in the path is not percent-encoded UTF-8.") from exc
        if not value:
            raise ApiError(400, "The uri in the path is empty.")
        return value

    # -- request bodies

    def _has_body(self) -> bool:
        if self.headers.get("Transfer-Encoding"):
            return True
        try:
            return int(self.headers.get("Content-Length", "0")) > 0
        except ValueError:
            return True

    def read_body(self, limit: int) -> bytes:
        encoding = self.headers.get("Transfer-Encoding")
        if encoding:
            if encoding.strip().lower() != "chunked":
                raise ApiError(501, "Only the chunked transfer coding is understood.", close=True)
            return self._read_chunked(limit)
        length = self.headers.get("Content-Length")
        if length is None:
            raise ApiError(411, "Content-Length (or chunked transfer coding) is required.")
        if not length.strip().isdigit():
            raise ApiError(400, "Content-Length is not a number.", close=True)
        size = int(length)
        if size > limit:
            raise ApiError(413, f"The body is larger than this endpoint takes ({limit} bytes).",
                           close=True)
        data = self.rfile.read(size)
        if len(data) < size:
            raise ConnectionError("the client closed the connection within the body")
        self.body_pending = False
        return data

    def _read_chunked(self, limit: int) -> bytes:
        chunks, total = [], 0
        while True:
            line = self.rfile.readline(1024)
            if not line:
                raise ConnectionError("the client closed the connection within the body")
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError as exc:
                raise ApiError(400, "The chunked body is malformed.", close=True) from exc
            if size == 0:
                while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass  # trailers, dropped
                break
            total += size
            if total > limit:
                raise ApiError(413, f"The body is larger than this endpoint takes ({limit} bytes).",
                               close=True)
            chunk = self.rfile.read(size)
            if len(chunk) < size:
                raise ConnectionError("the client closed the connection within the body")
            chunks.append(chunk)
            self.rfile.readline(8)  # CRLF after the chunk
        self.body_pending = False
        return b"".join(chunks)

    def _settle_body(self, close: bool) -> bool:
        """Before answering: drop a body not read yet, or close the connection. True = close."""
        if not self.body_pending or close:
            return close or self.body_pending
        self.body_pending = False
        if self.headers.get("Transfer-Encoding"):
            return True
        try:
            size = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            return True
        if size > DRAIN_LIMIT:
            return True
        try:
            self.rfile.read(size)
        except OSError:
            return True
        return False

    # -- answers

    def send_json(self, status: int, value, headers=None, close=False) -> None:
        self.send_bytes(status, json_bytes(value), "application/json", headers, close)

    def send_bytes(self, status, body: bytes, content_type: str, headers=None, close=False):
        close = self._settle_body(close)
        self.send_response(status)
        if status != 304:  # a 304 has no body and must not claim a length of 0
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if not self.is_head and status != 304:
            self.wfile.write(body)

    # -- URLs

    def api_url(self, *segments: str) -> str:
        return self.server.base_url + "".join("/" + s for s in segments)

    def item_href(self, uri: str) -> str:
        return f"{self.server.public_base}/items/{urllib.parse.quote(uri, safe='')}"

    def media_href(self, digest: str) -> str:
        return f"{self.server.public_base}/media/{digest}"

    # -- items

    def stored_answer(self, uri: str, meta: dict) -> dict:
        return {
            "uri": uri,
            "href": self.item_href(uri),
            "etag": meta["etag"],
            "version": meta["version"],
            "modified": meta["modified"],
        }

    def put_item(self, uri: str) -> None:
        if_match = self.headers.get("If-Match")
        if_none_match = self.headers.get("If-None-Match")
        if if_match is not None and if_none_match is not None:
            raise ApiError(400, "Send either If-Match or If-None-Match, not both.")
        if if_match is None and if_none_match is None:
            raise ApiError(
                428,
                'A precondition is required: If-None-Match: * to create, '
                'If-Match: "<etag>" to update.',
            )
        if if_none_match is not None and if_none_match.strip() != "*":
            raise ApiError(400, "If-None-Match on PUT must be * (create only).")
        if if_match is not None and not etag_list(if_match):
            raise ApiError(400, 'If-Match must be a quoted entity tag, e.g. "v3-1a2b3c4d5e6f".')
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json" and not content_type.endswith("+json"):
            raise ApiError(415, "The item must be sent as Content-Type: application/json.")
        raw = self.read_body(self.server.max_item_bytes)
        try:
            item = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ApiError(400, "The body is not JSON in UTF-8.") from exc
        validate_item(item)
        if item["uri"] != uri:
            raise ApiError(400, "The item's uri is not the one in the path.")
        created, meta = self.server.store.put_item(uri, item, if_match, if_none_match)
        headers = {"ETag": meta["etag"], "Last-Modified": http_date(meta["modified_epoch"])}
        if created:
            headers["Location"] = self.api_url("items", urllib.parse.quote(uri, safe=""))
        self.send_json(201 if created else 200, self.stored_answer(uri, meta), headers)

    def get_item(self, uri: str) -> None:
        item, meta = self.server.store.get_item(uri)
        if item is None:
            raise ApiError(404, "There is no item with this uri.")
        headers = {"ETag": meta["etag"], "Last-Modified": http_date(meta["modified_epoch"])}
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = [t.removeprefix("W/") for t in etag_list(if_none_match)]
            if "*" in tags or meta["etag"] in tags:
                return self.send_bytes(304, b"", "application/json", headers)
        self.send_json(200, item, headers)

    def list_items(self, query: str) -> None:
        try:
            params = urllib.parse.parse_qs(query, strict_parsing=bool(query), errors="strict")
        except (ValueError, UnicodeDecodeError) as exc:
            raise ApiError(400, "The query string is malformed.") from exc
        limit = LIST_DEFAULT
        if "limit" in params:
            text = params["limit"][-1]
            if not text.isdigit() or int(text) < 1:
                raise ApiError(400, "limit must be a whole number of at least 1.")
            limit = min(int(text), LIST_MAX)
        before = decode_cursor(params["cursor"][-1]) if params.get("cursor") else None
        items, next_cursor = self.server.store.list_items(limit, before)
        self.send_json(200, {"items": items, "next": next_cursor})

    # -- media

    def put_media(self, digest: str) -> None:
        if not DIGEST_RE.match(digest):
            raise ApiError(
                400, "The digest must be the SHA-256 of the body in 64 lowercase hex digits."
            )
        media_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media_type not in MEDIA_TYPES:
            raise ApiError(
                415, "Pictures are taken as image/jpeg, image/png, image/webp or image/tiff."
            )
        filename = parse_filename(self.headers.get("Content-Disposition"))
        data = self.read_body(self.server.max_media_bytes)
        if hashlib.sha256(data).hexdigest() != digest:
            raise ApiError(400, "The body's SHA-256 is not the digest in the path.")
        if not looks_like(media_type, data):
            raise ApiError(400, f"The body is not an {media_type} file.")
        created = self.server.store.put_media(digest, data, media_type, filename)
        href = self.media_href(digest)
        headers = {"Location": href} if created else {}
        self.send_json(201 if created else 200, {"id": digest, "href": href}, headers)

    # -- the public side

    def route_public(self, method: str, parts: list[str]) -> None:
        if method not in ("GET", "HEAD"):
            raise ApiError(405, "The public pages are read only.", headers={"Allow": "GET, HEAD"})
        if len(parts) == 2 and parts[0] == "items" and parts[1]:
            return self.public_item(self.decode_segment(parts[1]))
        if len(parts) == 2 and parts[0] == "media" and DIGEST_RE.match(parts[1]):
            return self.public_media(parts[1])
        self.send_page(404, "Not found", "<p>There is no such page on this portal.</p>")

    def public_item(self, uri: str) -> None:
        item, _ = self.server.store.get_item(uri)
        if item is None:
            return self.send_page(404, "Not found", "<p>There is no such article.</p>")
        status = item.get("pubstatus", "usable")
        if status == "canceled":
            return self.send_page(410, "Gone", "<p>This article has been withdrawn.</p>")
        embargo = parse_rfc3339(item["embargoed"]) if "embargoed" in item else None
        if status == "withheld" or (embargo and embargo > dt.datetime.now(dt.timezone.utc)):
            return self.send_page(404, "Not found", "<p>There is no such article.</p>")
        self.send_bytes(200, render_item(item).encode("utf-8"), "text/html; charset=utf-8")

    def public_media(self, digest: str) -> None:
        info = self.server.store.media_info(digest)
        if info is None:
            return self.send_page(404, "Not found", "<p>There is no such file.</p>")
        with open(self.server.store.media_path(digest), "rb") as f:
            data = f.read()
        headers = {
            "ETag": f'"{digest}"',
            "Cache-Control": "public, max-age=31536000, immutable",
        }
        if info.get("filename"):
            headers["Content-Disposition"] = content_disposition(info["filename"])
        self.send_bytes(200, data, info["type"], headers)

    def send_page(self, status: int, title: str, body_html: str) -> None:
        page = (
            f'<!doctype html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}'
            f"</title></head>\n<body><h1>{html.escape(title)}</h1>{body_html}</body></html>\n"
        )
        self.send_bytes(status, page.encode("utf-8"), "text/html; charset=utf-8")


def http_date(epoch: int) -> str:
    return email.utils.formatdate(epoch, usegmt=True)


def parse_filename(header: str | None) -> str | None:
    """The file name of a Content-Disposition header (filename or filename*), made safe."""
    if not header:
        return None
    message = email.message.Message()
    message["Content-Disposition"] = header
    try:
        name = message.get_filename()
    except (ValueError, LookupError):
        return None
    if not name:
        return None
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if ord(c) >= 0x20 and ord(c) != 0x7F).strip()
    return name[:255] or None


def content_disposition(filename: str) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")
    quoted = urllib.parse.quote(filename, safe="")
    return f"inline; filename=\"{ascii_name}\"; filename*=UTF-8''{quoted}"


def text_of(entries, role: str) -> str | None:
    for entry in entries or []:
        if entry.get("role") == role and isinstance(entry.get("value"), str):
            return entry["value"]
    return None


def render_item(item: dict) -> str:
    """The article page: headline, subheadline, summary, byline, body and pictures."""
    headlines = item.get("headlines", [])
    headline = text_of(headlines, "main")
    if headline is None:
        headline = next((h["value"] for h in headlines if isinstance(h.get("value"), str)), None)
    headline = headline if headline is not None else item["uri"]
    e = html.escape
    out = [
        "<!doctype html>",
        f'<html lang="{e(str(item.get("language", "")))}"><head><meta charset="utf-8">',
        f'<title>{e(headline)}</title><meta name="ninjs-uri" content="{e(item["uri"])}">',
        "</head><body><article>",
    ]
    kicker = text_of(headlines, "subheadline")
    if kicker:
        out.append(f'<p class="kicker">{e(kicker)}</p>')
    out.append(f"<h1>{e(headline)}</h1>")
    summary = text_of(item.get("descriptions"), "summary")
    if summary:
        out.append(f'<p class="summary">{e(summary)}</p>')
    if isinstance(item.get("by"), str):
        out.append(f'<p class="by">{e(item["by"])}</p>')
    for association in item.get("associations", []):
        if association.get("type") != "picture":
            continue
        hrefs = [r.get("href") for r in association.get("renditions", []) if isinstance(r, dict)]
        href = next((h for h in hrefs if isinstance(h, str)), None)
        if href is None:
            continue
        alt = text_of(association.get("descriptions"), "alternativetext") or ""
        caption = text_of(association.get("descriptions"), "caption") or ""
        credit = association.get("copyrightnotice")
        credit = f' <span class="credit">{e(credit)}</span>' if isinstance(credit, str) else ""
        out.append(
            f'<figure><img src="{e(href)}" alt="{e(alt)}"><figcaption>{e(caption)}{credit}'
            "</figcaption></figure>"
        )
    for body in item.get("bodies", []):
        value = body.get("value")
        if not isinstance(value, str):
            continue
        if body.get("contenttype", "text/plain") == "text/html":
            # The publisher's own HTML (Newsdesk sends it sanitised), as a portal would show it.
            out.append(f'<div class="body">{value}</div>')
        else:
            out.append(f'<div class="body"><p>{e(value)}</p></div>')
    out.append("</article></body></html>\n")
    return "\n".join(out)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


# ---------------------------------------------------------------------------------------------
# start


def read_vocabulary(path: str | None):
    if not path:
        return [], []
    with open(path, "rb") as f:
        value = json.load(f)
    if isinstance(value, list):
        value = {"tags": value}
    if not isinstance(value, dict):
        raise SystemExit(f"error: {path}: expected {{\"tags\": [...], \"sections\": [...]}}")
    tags, sections = value.get("tags", []), value.get("sections", [])
    for name, names in (("tags", tags), ("sections", sections)):
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise SystemExit(f"error: {path}: {name} must be a list of strings")
    return [t.strip() for t in tags if t.strip()], [s.strip() for s in sections if s.strip()]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="data folder (created if missing)")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--prefix", default="/", help="path prefix of the endpoint (default /)")
    parser.add_argument("--token-file", help="file holding the bearer token (else NINJS_TOKEN)")
    parser.add_argument("--name", default="Newsdesk reference portal", help="portal name")
    parser.add_argument("--vocabulary", help='JSON file: {"tags": [...], "sections": [...]}')
    parser.add_argument("--public-url", help="base URL of the public pages "
                        "(default: the endpoint's URL + /public)")
    parser.add_argument("--rate-limit", type=float,
                        default=float(os.environ.get("NINJS_RATE_LIMIT") or 0),
                        help="requests per second before 429 (default NINJS_RATE_LIMIT, 0 = off)")
    parser.add_argument("--max-media-bytes", type=int, default=DEFAULT_MAX_MEDIA_BYTES)
    parser.add_argument("--max-item-bytes", type=int, default=DEFAULT_MAX_ITEM_BYTES)
    args = parser.parse_args(argv)

    if args.token_file:
        with open(args.token_file, encoding="utf-8") as f:
            token = f.read().strip()
    else:
        token = os.environ.get("NINJS_TOKEN", "").strip()
    if not token:
        log("error: no token: set NINJS_TOKEN or pass --token-file FILE")
        return 2
    prefix = args.prefix.rstrip("/")
    if not PREFIX_RE.match(prefix):
        log(f"error: --prefix {args.prefix!r} must be a path like /api/newsdesk")
        return 2
    tags, sections = read_vocabulary(args.vocabulary)
    store = Store(args.data, tags, sections)

    try:
        server = Server(("127.0.0.1", args.port), Handler)
    except OSError as exc:
        log(f"error: cannot listen on 127.0.0.1:{args.port}: {exc}")
        return 1
    port = server.server_address[1]
    server.store = store
    server.token = token.encode("utf-8")
    server.prefix = prefix
    server.name = args.name
    server.base_url = f"http://127.0.0.1:{port}{prefix}"
    server.public_base = (args.public_url or server.base_url + "/public").rstrip("/")
    server.max_media_bytes = args.max_media_bytes
    server.max_item_bytes = args.max_item_bytes
    server.bucket = TokenBucket(args.rate_limit) if args.rate_limit > 0 else None

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="serve", daemon=True
    )
    thread.start()
    sys.stdout.write(json.dumps({"url": server.base_url, "pid": os.getpid()}) + "\n")
    sys.stdout.flush()
    log(f"listening on {server.base_url} (data {store.root})")
    while not stop.wait(1.0):
        pass
    server.shutdown()
    with store.lock:  # no write is half done when the process ends
        server.server_close()
        log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
