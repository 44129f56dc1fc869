"""Tests of the reference ninjs endpoint (scripts/portals/ninjs_server.py) over real HTTP.

Run from the repository root:  python3 -m unittest scripts/portals/test_ninjs_server.py

Each test class starts the server as a subprocess on a free port of 127.0.0.1 with its own data
folder, talks to it with http.client and stops it with SIGTERM. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import os
import select
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
import zlib
from pathlib import Path

SERVER = Path(__file__).resolve().with_name("ninjs_server.py")
TOKEN = "s3cret-token-for-tests-7f1d"
PREFIX = "/api/newsdesk"


def png(width: int = 2, height: int = 1, seed: int = 0) -> bytes:
    """A real PNG file (RGB, 8 bit); `seed` changes the pixels and so the digest."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    row = b"\x00" + bytes((seed + x) % 256 for x in range(width * 3))
    rows = row * height
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def seg(uri: str) -> str:
    """The item uri as one path segment."""
    return urllib.parse.quote(uri, safe="")


def rfc3339(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def ninjs(uri: str, headline: str = "Headline", **extra) -> dict:
    item = {
        "standard": {"name": "ninjs", "version": "2.1",
                     "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"},
        "uri": uri,
        "type": "text",
        "version": "1",
        "pubstatus": "usable",
        "language": "de",
        "headlines": [{"role": "main", "value": headline}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>Text.</p>"}],
    }
    item.update(extra)
    return item


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"<{self.status} {self.body[:200]!r}>"


class ServerProcess:
    """The reference server as a subprocess; `url` is its endpoint base."""

    def __init__(self, data: str, args=(), env=None, token=TOKEN, prefix=PREFIX):
        self.data = data
        self.stderr_path = f"{data}-stderr.log"
        environment = {k: v for k, v in os.environ.items()
                       if k not in ("NINJS_TOKEN", "NINJS_RATE_LIMIT")}
        if token is not None:
            environment["NINJS_TOKEN"] = token
        environment.update(env or {})
        command = [sys.executable, str(SERVER), "--data", data, "--port", "0", *args]
        if prefix is not None:
            command += ["--prefix", prefix]
        self.stderr = open(self.stderr_path, "ab")
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self.stderr,
                                     env=environment)
        ready, _, _ = select.select([self.proc.stdout], [], [], 15)
        line = self.proc.stdout.readline() if ready else b""
        if not line:
            self.proc.kill()
            self.proc.wait()
            self.stderr.close()
            raise RuntimeError("server did not start: " + Path(self.stderr_path).read_text())
        started = json.loads(line)
        self.url = started["url"]
        self.pid = started["pid"]
        split = urllib.parse.urlsplit(self.url)
        self.port = split.port
        self.prefix = split.path

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()
        self.stderr.close()
        return self.proc.returncode

    def log(self) -> str:
        return Path(self.stderr_path).read_text()

    def request(self, method, path, body=None, headers=None, token=TOKEN, conn=None) -> Response:
        """`path` is relative to the endpoint base ("/items/…") or an absolute URL."""
        if path.startswith("http://"):
            split = urllib.parse.urlsplit(path)
            assert split.hostname == "127.0.0.1", path  # only ever this machine
            port, target = split.port, split.path + (f"?{split.query}" if split.query else "")
        else:
            port, target = self.port, self.prefix + path
        all_headers = {}
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        own = conn is None
        conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        try:
            conn.request(method, target, body=body, headers=all_headers)
            answer = conn.getresponse()
            return Response(answer.status, answer.headers, answer.read())
        finally:
            if own:
                conn.close()

    # shorthands

    def create(self, item: dict) -> Response:
        return self.request("PUT", "/items/" + seg(item["uri"]), item, {"If-None-Match": "*"})

    def update(self, item: dict, etag: str) -> Response:
        return self.request("PUT", "/items/" + seg(item["uri"]), item, {"If-Match": etag})

    def upload(self, data: bytes, media_type="image/png", digest=None, headers=None) -> Response:
        return self.request("PUT", "/media/" + (digest or sha256(data)), data,
                            {"Content-Type": media_type, **(headers or {})})


class ServerTestCase(unittest.TestCase):
    server_args: tuple = ()
    server_env: dict | None = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ninjs-test-")
        cls.server = ServerProcess(os.path.join(cls.tmp.name, "data"), cls.server_args,
                                   cls.server_env)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def assertError(self, response: Response, status: int):
        self.assertEqual(response.status, status, response)
        self.assertTrue(response.headers["Content-Type"].startswith("application/json"))
        body = response.json()
        self.assertIsInstance(body.get("error"), str)
        self.assertTrue(body["error"])
        return body


class TestEndpoint(ServerTestCase):
    def test_root_names_the_portal_and_ninjs_version(self):
        r = self.server.request("GET", "/")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json(), {"name": "Newsdesk reference portal", "ninjs": "2.1"})
        self.assertEqual(self.server.request("GET", "").status, 200)  # {base} without slash

    def test_url_line_and_prefix(self):
        self.assertEqual(self.server.url, f"http://127.0.0.1:{self.server.port}/api/newsdesk")
        self.assertGreater(self.server.pid, 0)
        outside = self.server.request("GET", f"http://127.0.0.1:{self.server.port}/items")
        self.assertError(outside, 404)

    def test_token_is_required_everywhere(self):
        item = ninjs("urn:newsdesk:auth")
        for token in (None, "wrong", ""):
            for method, path, body in (("GET", "/", None), ("GET", "/items", None),
                                       ("GET", "/vocabulary", None),
                                       ("PUT", "/items/" + seg(item["uri"]), item),
                                       ("PUT", "/media/" + sha256(png()), png()),
                                       ("GET", "/nonexistent", None)):
                r = self.server.request(method, path, body, {"If-None-Match": "*"}, token=token)
                self.assertError(r, 401)
                self.assertTrue(r.headers["WWW-Authenticate"].startswith("Bearer"))
        basic = self.server.request("GET", "/", token=None,
                                    headers={"Authorization": f"Basic {TOKEN}"})
        self.assertError(basic, 401)
        self.assertEqual(self.server.request("GET", "/items/" + seg(item["uri"])).status, 404)

    def test_log_has_method_path_status_but_never_the_token(self):
        self.server.request("GET", "/vocabulary")
        self.server.request("GET", "/", token="wrong-token-value")
        time.sleep(0.1)
        log = self.server.log()
        self.assertIn(f"GET {PREFIX}/vocabulary 200", log)
        self.assertIn(f"GET {PREFIX}/ 401", log)
        self.assertNotIn(TOKEN, log)
        self.assertNotIn("wrong-token-value", log)
        self.assertNotIn("Authorization", log)

    def test_create_then_create_again_is_412_with_the_current_etag(self):
        item = ninjs("urn:newsdesk:ab12cd34", "Erste Fassung")
        r = self.server.create(item)
        self.assertEqual(r.status, 201, r)
        body = r.json()
        self.assertEqual(body["uri"], item["uri"])
        self.assertEqual(body["version"], 1)
        self.assertEqual(body["etag"], r.headers["ETag"])
        self.assertRegex(body["etag"], r'^"[^"]+"$')  # strong, quoted
        self.assertRegex(body["modified"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
        self.assertEqual(body["href"],
                         f"{self.server.url}/public/items/urn%3Anewsdesk%3Aab12cd34")
        self.assertEqual(r.headers["Location"],
                         f"{self.server.url}/items/urn%3Anewsdesk%3Aab12cd34")

        again = self.server.create(ninjs(item["uri"], "Ganz andere Fassung"))
        conflict = self.assertError(again, 412)
        self.assertEqual(conflict["etag"], body["etag"])
        stored = self.server.request("GET", "/items/" + seg(item["uri"]))
        self.assertEqual(stored.json(), item)  # the second create changed nothing

    def test_update_with_etag_and_stale_etag(self):
        item = ninjs("urn:newsdesk:update", "v1")
        first = self.server.create(item).json()
        item["headlines"][0]["value"] = "v2"
        r = self.server.update(item, first["etag"])
        self.assertEqual(r.status, 200, r)
        second = r.json()
        self.assertEqual(second["version"], 2)
        self.assertNotEqual(second["etag"], first["etag"])
        self.assertEqual(r.headers["ETag"], second["etag"])
        self.assertIsNone(r.headers["Location"])

        # the same body again is still a write: a new ETag
        third = self.server.update(item, second["etag"]).json()
        self.assertEqual(third["version"], 3)
        self.assertNotEqual(third["etag"], second["etag"])

        item["headlines"][0]["value"] = "lost update"
        stale = self.server.update(item, first["etag"])
        self.assertEqual(self.assertError(stale, 412)["etag"], third["etag"])
        got = self.server.request("GET", "/items/" + seg(item["uri"]))
        self.assertEqual(got.json()["headlines"][0]["value"], "v2")
        self.assertEqual(got.headers["ETag"], third["etag"])

        # a list of entity tags matches when one of them does; a weak one never does
        listed = self.server.update(item, f'"nope", {third["etag"]}')
        self.assertEqual(listed.status, 200, listed)
        weak = self.server.update(item, "W/" + listed.json()["etag"])
        self.assertError(weak, 412)

    def test_preconditions_are_required(self):
        item = ninjs("urn:newsdesk:preconditions")
        path = "/items/" + seg(item["uri"])
        self.assertError(self.server.request("PUT", path, item), 428)
        self.assertError(self.server.update(item, '"v1-000000000000"'), 404)
        both = self.server.request("PUT", path, item, {"If-None-Match": "*", "If-Match": '"x"'})
        self.assertError(both, 400)
        self.assertError(self.server.request("PUT", path, item, {"If-None-Match": '"x"'}), 400)
        self.assertError(self.server.request("PUT", path, item, {"If-Match": "v1"}), 400)
        self.assertEqual(self.server.request("GET", path).status, 404)  # nothing was created
        # If-Match: * (RFC 9110) updates whatever version is there, and only an existing item
        self.assertError(self.server.update(item, "*"), 404)
        self.server.create(item)
        self.assertEqual(self.server.update(item, "*").status, 200)

    def test_get_item(self):
        item = ninjs("urn:newsdesk:get", "Lesen", subjects=[{"name": "Lesen"}],
                     ednote="unknown-to-the-portal properties stay", x_custom={"a": [1, 2]})
        created = self.server.create(item).json()
        r = self.server.request("GET", "/items/" + seg(item["uri"]))
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json(), item)
        self.assertEqual(r.headers["ETag"], created["etag"])
        self.assertTrue(r.headers["Content-Type"].startswith("application/json"))
        self.assertTrue(r.headers["Last-Modified"].endswith("GMT"))
        head = self.server.request("HEAD", "/items/" + seg(item["uri"]))
        self.assertEqual((head.status, head.body), (200, b""))
        self.assertEqual(head.headers["ETag"], created["etag"])
        cached = self.server.request("GET", "/items/" + seg(item["uri"]),
                                     headers={"If-None-Match": created["etag"]})
        self.assertEqual(cached.status, 304)
        self.assertError(self.server.request("GET", "/items/" + seg("urn:newsdesk:nothing")), 404)

    def test_uri_must_match_the_path_and_may_hold_any_character(self):
        item = ninjs("urn:newsdesk:match")
        r = self.server.request("PUT", "/items/" + seg("urn:newsdesk:other"), item,
                                {"If-None-Match": "*"})
        self.assertError(r, 400)
        odd = ninjs("https://portal.example/a/b?c=d e&f#g ä")
        r = self.server.create(odd)
        self.assertEqual(r.status, 201, r)
        self.assertEqual(self.server.request("GET", "/items/" + seg(odd["uri"])).json(), odd)
        # ':' needs no encoding in a path segment: both spellings name the same item
        plain = self.server.request("GET", "/items/urn:newsdesk:match")
        self.assertEqual(plain.status, 404)
        self.server.create(item)
        self.assertEqual(self.server.request("GET", "/items/urn:newsdesk:match").status, 200)
        # a raw '/' makes two segments: no such resource
        self.assertError(self.server.request("GET", "/items/urn/x"), 404)

    def test_validation(self):
        path = "/items/" + seg("urn:newsdesk:invalid")
        create = {"If-None-Match": "*", "Content-Type": "application/json"}
        cases = {
            "not json": b"{",
            "not utf-8": b'{"uri": "\xff"}',
            "array": b"[]",
            "string": b'"urn:newsdesk:invalid"',
            "no uri": b'{"headlines": []}',
            "uri number": b'{"uri": 5}',
            "uri empty": b'{"uri": ""}',
            "headlines object": b'{"uri": "urn:newsdesk:invalid", "headlines": {"value": "x"}}',
            "headline string": b'{"uri": "urn:newsdesk:invalid", "headlines": ["x"]}',
            "headline value": b'{"uri": "urn:newsdesk:invalid", "headlines": [{"value": 1}]}',
            "subjects": b'{"uri": "urn:newsdesk:invalid", "subjects": "Politik"}',
            "pubstatus": b'{"uri": "urn:newsdesk:invalid", "pubstatus": "published"}',
            "embargoed": b'{"uri": "urn:newsdesk:invalid", "embargoed": "tomorrow"}',
            "embargo without offset":
                b'{"uri": "urn:newsdesk:invalid", "embargoed": "2030-01-01T00:00:00"}',
        }
        for name, body in cases.items():
            with self.subTest(name):
                self.assertError(self.server.request("PUT", path, body, create), 400)
        wrong_type = self.server.request("PUT", path, b'{"uri": "urn:newsdesk:invalid"}',
                                         {"If-None-Match": "*", "Content-Type": "text/plain"})
        self.assertError(wrong_type, 415)
        self.assertEqual(self.server.request("GET", path).status, 404)
        minimal = self.server.request("PUT", path, b'{"uri": "urn:newsdesk:invalid"}', {
            "If-None-Match": "*", "Content-Type": "application/json; charset=utf-8"})
        self.assertEqual(minimal.status, 201, minimal)

    def test_item_body_limit(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=20)
        try:
            conn.putrequest("PUT", f"{PREFIX}/items/{seg('urn:newsdesk:huge')}")
            for name, value in (("Authorization", f"Bearer {TOKEN}"),
                                ("Content-Type", "application/json"), ("If-None-Match", "*"),
                                ("Content-Length", str(16 * 1024 * 1024 + 1))):
                conn.putheader(name, value)
            conn.endheaders()  # no body sent: the answer comes from the headers alone
            r = conn.getresponse()
            self.assertEqual(r.status, 413)
            self.assertIn("error", json.loads(r.read()))
        finally:
            conn.close()

    def test_media_is_content_addressed_and_idempotent(self):
        data = png(seed=1)
        digest = sha256(data)
        first = self.server.upload(data, headers={
            "Content-Disposition": 'attachment; filename="Foto Rathaus.png"'})
        self.assertEqual(first.status, 201, first)
        self.assertEqual(first.json()["id"], digest)
        href = first.json()["href"]
        self.assertTrue(href.startswith("http://127.0.0.1:"), href)
        self.assertEqual(first.headers["Location"], href)
        again = self.server.upload(data)
        self.assertEqual(again.status, 200, again)
        self.assertEqual(again.json(), {"id": digest, "href": href})

        served = self.server.request("GET", href, token=None)  # public: no token
        self.assertEqual(served.status, 200)
        self.assertEqual(served.body, data)
        self.assertEqual(served.headers["Content-Type"], "image/png")
        self.assertIn("Foto Rathaus.png", served.headers["Content-Disposition"])
        self.assertEqual(self.server.request("HEAD", href, token=None).body, b"")

    def test_media_is_checked(self):
        data = png(seed=2)
        wrong = self.server.upload(data, digest=sha256(b"something else"))
        self.assertError(wrong, 400)
        self.assertError(self.server.upload(data, digest=sha256(data).upper()), 400)
        self.assertError(self.server.upload(data, digest="abc"), 400)
        self.assertError(self.server.upload(data, media_type="image/gif"), 415)
        self.assertError(self.server.upload(data, media_type="application/octet-stream"), 415)
        self.assertError(self.server.upload(data, media_type="image/jpeg"), 400)  # PNG bytes
        jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 60 + b"\xff\xd9"
        self.assertEqual(self.server.upload(jpeg, media_type="image/jpeg").status, 201)
        webp = b"RIFF\x1a\x00\x00\x00WEBPVP8L" + b"\x00" * 14
        self.assertEqual(self.server.upload(webp, media_type="image/webp").status, 201)
        tiff = b"II*\x00\x08\x00\x00\x00" + b"\x00" * 8
        self.assertEqual(self.server.upload(tiff, media_type="image/tiff").status, 201)
        unknown = f"{self.server.url}/public/media/{sha256(b'never uploaded')}"
        self.assertEqual(self.server.request("GET", unknown, token=None).status, 404)

    def test_media_body_limit(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=20)
        try:
            conn.putrequest("PUT", f"{PREFIX}/media/{'0' * 64}")
            for name, value in (("Authorization", f"Bearer {TOKEN}"),
                                ("Content-Type", "image/jpeg"),
                                ("Content-Length", str(64 * 1024 * 1024 + 1))):
                conn.putheader(name, value)
            conn.endheaders()
            r = conn.getresponse()
            self.assertEqual(r.status, 413)
            self.assertEqual(r.headers["Connection"], "close")
            self.assertIn("error", json.loads(r.read()))
        finally:
            conn.close()

    def test_chunked_bodies(self):
        data = png(seed=3)
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=20)
        try:
            conn.request("PUT", f"{PREFIX}/media/{sha256(data)}", body=iter([data[:10], data[10:]]),
                         headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "image/png"},
                         encode_chunked=True)
            r = conn.getresponse()
            r.read()
            self.assertEqual(r.status, 201)
            item = json.dumps(ninjs("urn:newsdesk:chunked")).encode()
            conn.request("PUT", f"{PREFIX}/items/{seg('urn:newsdesk:chunked')}",
                         body=iter([item[:7], item[7:]]), encode_chunked=True,
                         headers={"Authorization": f"Bearer {TOKEN}", "If-None-Match": "*",
                                  "Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            self.assertEqual(r.status, 201)
        finally:
            conn.close()

    def test_keep_alive_survives_failed_requests_with_bodies(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=20)
        try:
            item = ninjs("urn:newsdesk:keepalive")
            for token, status in (("wrong", 401), (TOKEN, 428)):
                r = self.server.request("PUT", "/items/" + seg(item["uri"]), item, token=token,
                                        conn=conn)
                self.assertEqual(r.status, status)
            r = self.server.request("PUT", "/items/" + seg(item["uri"]), item,
                                    {"If-None-Match": "*"}, conn=conn)
            self.assertEqual(r.status, 201)
            self.assertEqual(self.server.request("GET", "/", conn=conn).status, 200)
        finally:
            conn.close()

    def test_methods_not_allowed(self):
        for method, path in (("POST", "/items"), ("DELETE", "/items/" + seg("urn:newsdesk:x")),
                             ("GET", "/media/" + "0" * 64), ("PUT", "/vocabulary"),
                             ("PATCH", "/items/" + seg("urn:newsdesk:x"))):
            with self.subTest(method=method, path=path):
                r = self.server.request(method, path, b"", {"Content-Type": "application/json"})
                self.assertError(r, 405)
                self.assertTrue(r.headers["Allow"])
        self.assertError(self.server.request("GET", "/nothing/here"), 404)

    def test_public_page_shows_the_headline_and_withdraw_gives_410(self):
        item = ninjs("urn:newsdesk:withdraw", "Rathaus <saniert> & eröffnet",
                     descriptions=[{"role": "summary", "value": "Der Vorspann."}], by="Eva Muster")
        created = self.server.create(item).json()
        page = self.server.request("GET", created["href"], token=None)
        self.assertEqual(page.status, 200)
        self.assertEqual(page.headers["Content-Type"], "text/html; charset=utf-8")
        text = page.body.decode()
        self.assertIn("<h1>Rathaus &lt;saniert&gt; &amp; eröffnet</h1>", text)
        self.assertIn("Der Vorspann.", text)
        self.assertIn("<p>Text.</p>", text)

        item["pubstatus"] = "canceled"
        withdrawn = self.server.update(item, created["etag"])
        self.assertEqual(withdrawn.status, 200, withdrawn)
        self.assertEqual(self.server.request("GET", created["href"], token=None).status, 410)
        kept = self.server.request("GET", "/items/" + seg(item["uri"]))
        self.assertEqual((kept.status, kept.json()["pubstatus"]), (200, "canceled"))
        # publishing it again (usable) brings the page back
        item["pubstatus"] = "usable"
        self.assertEqual(self.server.update(item, withdrawn.json()["etag"]).status, 200)
        self.assertEqual(self.server.request("GET", created["href"], token=None).status, 200)

    def test_public_page_shows_pictures_from_media(self):
        data = png(seed=4)
        media = self.server.upload(data).json()
        item = ninjs("urn:newsdesk:picture", "Mit Bild", associations=[{
            "name": "picture1", "uri": f"urn:newsdesk:image:sha256:{media['id']}",
            "type": "picture",
            "descriptions": [{"role": "caption", "value": "Das Rathaus"},
                             {"role": "alternativetext", "value": "Ein Gebäude"}],
            "copyrightnotice": "Foto: Eva Muster",
            "renditions": [{"name": "original", "href": media["href"], "contenttype": "image/png"}],
        }])
        page = self.server.request("GET", self.server.create(item).json()["href"], token=None)
        text = page.body.decode()
        self.assertIn(f'src="{media["href"]}"', text)
        self.assertIn('alt="Ein Gebäude"', text)
        self.assertIn("Foto: Eva Muster", text)

    def test_embargo_hides_the_page_until_then(self):
        now = dt.datetime.now(dt.timezone.utc)
        item = ninjs("urn:newsdesk:embargo", "Sperrfrist",
                     embargoed=rfc3339(now + dt.timedelta(days=1)))
        created = self.server.create(item).json()
        self.assertEqual(self.server.request("GET", created["href"], token=None).status, 404)
        self.assertEqual(self.server.request("GET", "/items/" + seg(item["uri"])).status, 200)
        item["embargoed"] = rfc3339(now - dt.timedelta(minutes=1))
        self.assertEqual(self.server.update(item, created["etag"]).status, 200)
        self.assertEqual(self.server.request("GET", created["href"], token=None).status, 200)

        soon = ninjs("urn:newsdesk:embargo-soon", "Gleich",
                     embargoed=rfc3339(dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=2)))
        href = self.server.create(soon).json()["href"]
        self.assertEqual(self.server.request("GET", href, token=None).status, 404)
        deadline = dt.datetime.fromisoformat(soon["embargoed"].replace("Z", "+00:00"))
        time.sleep(max(0.0, (deadline - dt.datetime.now(dt.timezone.utc)).total_seconds()) + 0.3)
        self.assertEqual(self.server.request("GET", href, token=None).status, 200)

    def test_withheld_is_not_public(self):
        item = ninjs("urn:newsdesk:withheld", pubstatus="withheld")
        href = self.server.create(item).json()["href"]
        self.assertEqual(self.server.request("GET", href, token=None).status, 404)
        self.assertEqual(self.server.request("GET", f"{self.server.url}/public/items/x",
                                             token=None).status, 404)

    def test_concurrent_writes_have_one_winner(self):
        item = ninjs("urn:newsdesk:race")
        results: list[int] = []

        def attempt(fn, *args):
            results.append(fn(*args).status)

        threads = [threading.Thread(target=attempt, args=(self.server.create, item))
                   for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results), [201] + [412] * 7)
        etag = self.server.request("GET", "/items/" + seg(item["uri"])).headers["ETag"]
        results.clear()
        threads = [threading.Thread(target=attempt, args=(self.server.update, item, etag))
                   for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results), [200] + [412] * 7)


class TestListingAndVocabulary(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ninjs-test-")
        vocabulary = os.path.join(cls.tmp.name, "vocabulary.json")
        Path(vocabulary).write_text(json.dumps({"tags": ["Wahlen", "Politik"],
                                                "sections": ["Sport"]}))
        cls.server = ServerProcess(os.path.join(cls.tmp.name, "data"),
                                   ["--vocabulary", vocabulary, "--name", "Testportal"])

    def test_listing_is_newest_first_and_pages_with_a_cursor(self):
        uris = [f"urn:newsdesk:list:{n}" for n in range(1, 6)]
        etags = {}
        for uri in uris:
            etags[uri] = self.server.create(ninjs(uri, uri)).json()["etag"]
        # an update makes an item the newest
        self.assertEqual(self.server.update(ninjs(uris[1], "changed"), etags[uris[1]]).status, 200)
        expected = [uris[1], uris[4], uris[3], uris[2], uris[0]]

        everything = self.server.request("GET", "/items").json()
        self.assertEqual([i["uri"] for i in everything["items"]], expected)
        self.assertIsNone(everything["next"])
        self.assertEqual(everything["items"][0]["headlines"][0]["value"], "changed")

        seen, cursor, pages = [], None, 0
        while True:
            query = "?limit=2" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
            page = self.server.request("GET", "/items" + query).json()
            pages += 1
            self.assertLessEqual(len(page["items"]), 2)
            seen += [i["uri"] for i in page["items"]]
            cursor = page["next"]
            if cursor is None:
                break
            self.assertIsInstance(cursor, str)
        self.assertEqual(seen, expected)
        self.assertEqual(pages, 3)

        big = self.server.request("GET", "/items?limit=1000")
        self.assertEqual(big.status, 200)  # capped at 200, not refused
        self.assertEqual(len(big.json()["items"]), 5)
        for bad in ("?limit=0", "?limit=-1", "?limit=abc", "?cursor=not-a-cursor"):
            with self.subTest(bad):
                self.assertError(self.server.request("GET", "/items" + bad), 400)

    def test_default_limit_is_50(self):
        server = ServerProcess(os.path.join(self.tmp.name, "data-limit"))
        try:
            for n in range(55):
                self.assertEqual(server.create({"uri": f"urn:newsdesk:many:{n}"}).status, 201)
            page = server.request("GET", "/items").json()
            self.assertEqual(len(page["items"]), 50)
            rest = server.request("GET", "/items?cursor=" + urllib.parse.quote(page["next"])).json()
            self.assertEqual(len(rest["items"]), 5)
            self.assertIsNone(rest["next"])
            self.assertEqual(rest["items"][-1]["uri"], "urn:newsdesk:many:0")
        finally:
            server.stop()

    def test_vocabulary_has_tags_and_sections(self):
        self.assertEqual(self.server.request("GET", "/").json()["name"], "Testportal")
        self.server.create(ninjs("urn:newsdesk:vocab:1", subjects=[
            {"name": "Politik"}, {"name": "Digitalisierung"}, {"name": "Inland", "rel": "section"},
            {"uri": "http://cv.iptc.org/newscodes/mediatopic/11000000"}]))
        self.server.create(ninjs("urn:newsdesk:vocab:2", pubstatus="canceled", subjects=[
            {"name": "Ärzte", "rel": "about"}, {"name": " Verwaltung "},
            {"name": "Sport", "rel": "section"}]))
        vocabulary = self.server.request("GET", "/vocabulary").json()
        self.assertEqual(vocabulary["tags"],
                         ["Digitalisierung", "Politik", "Verwaltung", "Wahlen", "Ärzte"])
        self.assertEqual(vocabulary["sections"], ["Inland", "Sport"])


class TestRestart(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        pass  # starts its own servers

    @classmethod
    def tearDownClass(cls):
        pass

    def test_restart_keeps_the_state(self):
        with tempfile.TemporaryDirectory(prefix="ninjs-test-") as tmp:
            data = os.path.join(tmp, "data")
            server = ServerProcess(data)
            picture = png(seed=9)
            media = server.upload(picture).json()
            item = ninjs("urn:newsdesk:restart", "Vor dem Neustart", subjects=[{"name": "Bleibt"}])
            first = server.create(item).json()
            item["headlines"][0]["value"] = "Zweite Fassung"
            second = server.update(item, first["etag"]).json()
            canceled = ninjs("urn:newsdesk:restart-canceled", pubstatus="canceled")
            server.create(canceled)
            before = server.request("GET", "/items").json()
            self.assertEqual(server.stop(), 0)  # SIGTERM is a clean exit
            self.assertIn("stopped", server.log())

            again = ServerProcess(data)
            try:
                got = again.request("GET", "/items/" + seg(item["uri"]))
                self.assertEqual(got.status, 200)
                self.assertEqual(got.json(), item)
                self.assertEqual(got.headers["ETag"], second["etag"])
                self.assertEqual(again.request("GET", "/items").json(), before)
                self.assertEqual(again.request("GET", "/vocabulary").json()["tags"], ["Bleibt"])
                self.assertEqual(again.upload(picture).status, 200)  # known digest
                href = f"{again.url}/public/media/{media['id']}"
                self.assertEqual(again.request("GET", href, token=None).body, picture)
                page = again.request("GET", f"{again.url}/public/items/{seg(item['uri'])}",
                                     token=None)
                self.assertIn("Zweite Fassung", page.body.decode())
                gone = f"{again.url}/public/items/{seg(canceled['uri'])}"
                self.assertEqual(again.request("GET", gone, token=None).status, 410)
                # the ETag of the last publish before the restart still updates
                self.assertError(again.update(item, first["etag"]), 412)
                third = again.update(item, second["etag"])
                self.assertEqual((third.status, third.json()["version"]), (200, 3))
                self.assertEqual(again.create(item).status, 412)
            finally:
                self.assertEqual(again.stop(), 0)
            # one file per item, the old versions removed
            self.assertEqual(len(os.listdir(os.path.join(data, "items"))), 2)
            self.assertEqual(os.listdir(os.path.join(data, "media")), [media["id"]])


class TestStartOptions(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="ninjs-test-")
        self.addCleanup(self.tmp.cleanup)

    def test_token_file_and_root_prefix(self):
        token_file = os.path.join(self.tmp.name, "token")
        Path(token_file).write_text("from-the-file\n")
        server = ServerProcess(os.path.join(self.tmp.name, "data"), ["--token-file", token_file],
                               token="from-the-env", prefix=None)
        try:
            self.assertEqual(server.url, f"http://127.0.0.1:{server.port}")
            self.assertEqual(server.request("GET", "/", token="from-the-file").status, 200)
            self.assertEqual(server.request("GET", "/", token="from-the-env").status, 401)
            item = {"uri": "urn:newsdesk:root"}
            r = server.request("PUT", "/items/" + seg(item["uri"]), item, {"If-None-Match": "*"},
                               token="from-the-file")
            self.assertEqual(r.status, 201)
            self.assertEqual(r.json()["href"], f"{server.url}/public/items/urn%3Anewsdesk%3Aroot")
        finally:
            server.stop()
        self.assertNotIn("from-the-file", server.log())

    def test_no_token_refuses_to_start(self):
        proc = subprocess.run([sys.executable, str(SERVER), "--data", self.tmp.name, "--port", "0"],
                              env={k: v for k, v in os.environ.items() if k != "NINJS_TOKEN"},
                              capture_output=True, timeout=30)
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(proc.stdout, b"")
        self.assertIn(b"NINJS_TOKEN", proc.stderr)

    def test_rate_limit_answers_429_with_retry_after(self):
        server = ServerProcess(os.path.join(self.tmp.name, "data"), env={"NINJS_RATE_LIMIT": "2"})
        try:
            statuses, retry_after = [], None
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
            for _ in range(8):
                r = server.request("GET", "/", conn=conn)
                statuses.append(r.status)
                if r.status == 429:
                    retry_after = r.headers["Retry-After"]
                    self.assertIn("error", r.json())
            conn.close()
            self.assertIn(429, statuses)
            self.assertEqual(statuses[0], 200)
            self.assertTrue(retry_after.isdigit() and int(retry_after) >= 1, retry_after)
            time.sleep(int(retry_after))
            self.assertEqual(server.request("GET", "/").status, 200)
        finally:
            server.stop()

    def test_public_url_option(self):
        server = ServerProcess(os.path.join(self.tmp.name, "data"),
                               ["--public-url", "https://www.portal.example/"])
        try:
            r = server.create({"uri": "urn:newsdesk:public"})
            self.assertEqual(r.json()["href"],
                             "https://www.portal.example/items/urn%3Anewsdesk%3Apublic")
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
