#!/usr/bin/env python3
"""A Stripe-compatible payment provider double for bench/subscription-authorization.sh: answers
POST /v1/payment_intents with an authorized intent, and, like a real provider, answers 429 (Retry-After: 1)
to calls past LIMIT in one wall-clock second (0 = no limit). Logs the arrival time of every authorization
to LOG, so the benchmark reads the rate the provider saw. Standard library only.

    fake-provider.py PORT LIMIT LOG"""
import json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, limit, log_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
lock = threading.Lock()
counts = {}
log = open(log_path, "w", buffering=1)

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def reply(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        now = time.time()
        second = int(now)
        with lock:
            counts[second] = counts.get(second, 0) + 1
            over = limit and counts[second] > limit
            log.write(f"{now:.6f} {'429' if over else '200'} {self.path}\n")
        if over:
            return self.reply(429, {"error": {"type": "rate_limit_error", "message": "Too many requests"}}, [("Retry-After", "1")])
        if self.path == "/v1/payment_intents":
            key = self.headers.get("Idempotency-Key", "")
            return self.reply(200, {"id": "pi_" + key.replace("-", "")[:40], "status": "requires_capture"})
        return self.reply(200, {"id": "x", "status": "succeeded"})

ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
