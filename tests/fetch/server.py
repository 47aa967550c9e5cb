#!/usr/bin/env python3
"""fixture server for tests/fetch: every source paperboy fetches, and faults.

Bound to 127.0.0.1 on a free port, which it writes to --port-file once it
listens; --tls CERT KEY serves HTTPS instead.  Every request is appended to
--log as one JSON line {path, time, headers}.  Paths (DAY is YYYY-MM-DD):

  /api/daily_papers?date=DAY   fixtures/hf-daily-DAY.json, else []
  /papers/date/DAY             fixtures/hf-page-DAY.html, else 404
  /markup/DAY                  fixtures/hf-markup-DAY.html, else 404
  /atom/CATEGORY               fixtures/arxiv-CATEGORY.atom, else 404
  /ko/YYYY/MM/DD.md            fixtures/ko-DAY.md, else 404
  /table/YYYY/MM/DD.md         fixtures/table-DAY.md, else 404
  /fault/KIND/DAY              the faults (see fault()), serving hf-daily-DAY.json
  /slow/DAY                    hf-daily-2025-05-07.json for every day, after a pause
  /hold/PATH                   what PATH gives, once the file --release exists
                               (at most 20 s later)

--blackhole listens without ever accepting, its queue filled, so that a
connection to it hangs like one to an unreachable host.
"""
import argparse
import gzip
import json
import os
import re
import socket
import ssl
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
LOCK = threading.Lock()
BIG = b" " * (33 << 20)  # made once: over the 32 MB limit, sent at once
COUNTS = {}
ARGS = None


def fixture(name):
    """Bytes of a fixture file, or None."""
    try:
        with open(os.path.join(FIX, name), "rb") as f:
            return f.read()
    except OSError:
        return None


def count(key):
    """How many times key was asked for, this one included."""
    with LOCK:
        COUNTS[key] = COUNTS.get(key, 0) + 1
        return COUNTS[key]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def record(self):
        entry = {"path": self.path, "time": time.time(),
                 "headers": {k.lower(): v for k, v in self.headers.items()}}
        with LOCK, open(ARGS.log, "a") as f:
            f.write(json.dumps(entry) + "\n")

    def send(self, status, body=b"", ctype="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def day_json(self, day):
        return fixture("hf-daily-%s.json" % day) or b"[]"

    def do_GET(self):
        self.record()
        if self.path.startswith("/hold/"):
            for _ in range(400):
                if ARGS.release and os.path.exists(ARGS.release):
                    break
                time.sleep(0.05)
            self.path = self.path[len("/hold"):]
        path, _, query = self.path.partition("?")
        m = re.fullmatch(r"/api/daily_papers", path)
        if m:
            day = query.partition("date=")[2][:10]
            return self.send(200, self.day_json(day))
        m = re.fullmatch(r"/papers/date/(\d{4}-\d\d-\d\d)", path)
        if m:
            return self.file("hf-page-%s.html" % m.group(1), "text/html; charset=utf-8")
        m = re.fullmatch(r"/markup/(\d{4}-\d\d-\d\d)", path)
        if m:
            return self.file("hf-markup-%s.html" % m.group(1), "text/html; charset=utf-8")
        m = re.fullmatch(r"/atom/([A-Za-z.-]+)", path)
        if m:
            return self.file("arxiv-%s.atom" % m.group(1), "application/atom+xml")
        m = re.fullmatch(r"/(ko|table)/(\d{4})/(\d\d)/(\d\d)\.md", path)
        if m:
            name = "%s-%s-%s-%s.md" % m.groups()
            return self.file(name, "text/plain; charset=utf-8")
        m = re.fullmatch(r"/fault/([a-z0-9-]+)/(\d{4}-\d\d-\d\d)", path)
        if m:
            return self.fault(m.group(1), m.group(2))
        m = re.fullmatch(r"/slow/(\d{4}-\d\d-\d\d)", path)
        if m:
            time.sleep(0.05)
            return self.send(200, self.day_json("2025-05-07"))
        self.send(404, b"not found", "text/plain")

    def file(self, name, ctype):
        body = fixture(name)
        if body is None:
            return self.send(404, b"not found", "text/plain")
        self.send(200, body, ctype)

    def fault(self, kind, day):
        body = self.day_json(day)
        n = count(kind + "/" + day)
        if kind == "404":
            return self.send(404, b"<html>no such day</html>", "text/html")
        if kind == "429":
            if n == 1:
                return self.send(429, b"slow down", "text/plain", [("Retry-After", "1")])
            return self.send(200, body)
        if kind == "500":
            if n == 1:
                return self.send(500, b"oops", "text/plain")
            return self.send(200, body)
        if kind == "503":
            return self.send(503, b"down", "text/plain")
        if kind == "stall":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:10])
            self.wfile.flush()
            time.sleep(8)
            self.close_connection = True
            return
        if kind == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if kind == "big":
            try:
                return self.send(200, BIG)
            except OSError:
                self.close_connection = True  # the client stopped reading, as it should
                return
        if kind == "bigchunked":
            return self.chunked(BIG)
        if kind == "ctype":
            return self.send(200, body, "image/png")
        if kind == "html":
            return self.send(200, b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")
        if kind == "empty":
            return self.send(200, b"")
        if kind == "redir-file":
            return self.send(302, b"", "text/plain", [("Location", "file:///etc/passwd")])
        if kind == "redir-http":
            return self.send(302, b"", "text/plain", [("Location", "http://example.com/papers.json")])
        if kind == "redir-loop":
            return self.send(302, b"", "text/plain", [("Location", "/fault/redir-loop/" + day)])
        if kind == "redir-ok":
            return self.send(301, b"", "text/plain", [("Location", "/api/daily_papers?date=" + day)])
        if kind in ("gzip", "deflate"):
            if kind not in self.headers.get("Accept-Encoding", ""):
                return self.send(406, b"want " + kind.encode(), "text/plain")
            packed = gzip.compress(body) if kind == "gzip" else zlib.compress(body)
            return self.send(200, packed, "application/json", [("Content-Encoding", kind)])
        if kind == "etag":
            tag = '"v1-%s"' % day
            if self.headers.get("If-None-Match") == tag:
                return self.send(304, b"", "application/json", [("ETag", tag)])
            return self.send(200, body, "application/json", [("ETag", tag)])
        if kind == "lastmod":
            stamp = "Wed, 07 May 2025 10:00:00 GMT"
            if self.headers.get("If-Modified-Since") == stamp:
                return self.send(304, b"", "application/json", [("Last-Modified", stamp)])
            return self.send(200, body, "application/json", [("Last-Modified", stamp)])
        self.send(404, b"unknown fault", "text/plain")

    def chunked(self, body):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        step = 1 << 20
        view = memoryview(body)
        try:
            for i in range(0, len(body), step):
                part = view[i:i + step]
                self.wfile.write(b"%x\r\n" % len(part))
                self.wfile.write(part)
                self.wfile.write(b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass
        self.close_connection = True


def write_port(port):
    """Publish the port atomically."""
    tmp = ARGS.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(port))
    os.rename(tmp, ARGS.port_file)


def blackhole():
    """Listen, never accept, and fill the queue: new connections hang."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(0)
    held = []
    for _ in range(8):
        c = socket.socket()
        c.settimeout(0.2)
        try:
            c.connect(s.getsockname())
            held.append(c)
        except OSError:
            c.close()
            break  # the queue is full: connections hang from now on
    write_port(s.getsockname()[1])
    while True:
        time.sleep(60)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--port-file", required=True)
    p.add_argument("--log", default=os.devnull)
    p.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    p.add_argument("--blackhole", action="store_true")
    p.add_argument("--release", help="the file that lets /hold/ answer")
    ARGS = p.parse_args()
    if ARGS.blackhole:
        blackhole()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    if ARGS.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(ARGS.tls[0], ARGS.tls[1])
        httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    write_port(httpd.server_address[1])
    try:
        httpd.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
