#!/usr/bin/env python3
"""The local demo's stand-in for a paging tool and a deploy tool (deploy/start.sh runs it on 127.0.0.1:8190).

POST /pages             Heartbeat's generic webhook (docs/events/webhook.v1.json), signed with HEARTBEAT_DEMO_PAGES_SECRET
POST /rollback/<svc>    a deploy's rollback hook (docs/events/rollback.v1.json), signed with HEARTBEAT_ROLLBACK_SECRET

Both are checked as the Standard Webhooks specification says (HMAC-SHA256 over "id.timestamp.body" with the
base64-decoded whsec_ key, any "v1," signature, timestamp within 5 minutes) and refused with 401 otherwise. Each page
and rollback call is printed as one line (the log is .heartbeat/logs/receiver.log) and kept whole in
.heartbeat/logs/pages.jsonl; a rollback is acted on once per webhook-id, as a real deploy tool should.
"""
import base64
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE = 5 * 60


def keys(env):
    return [base64.b64decode(s[len("whsec_"):]) for s in os.environ.get(env, "").split() if s.startswith("whsec_")]


PAGE_KEYS = keys("HEARTBEAT_DEMO_PAGES_SECRET")
ROLLBACK_KEYS = keys("HEARTBEAT_ROLLBACK_SECRET")
JOURNAL = os.environ.get("HEARTBEAT_DEMO_JOURNAL", ".heartbeat/logs/pages.jsonl")
seen_rollbacks = set()


def verified(headers, body, secrets):
    msg_id, stamp, signatures = (headers.get(h) for h in ("webhook-id", "webhook-timestamp", "webhook-signature"))
    if not (msg_id and stamp and signatures and secrets):
        return "missing webhook headers or no secret configured"
    try:
        if abs(time.time() - int(stamp)) > TOLERANCE:
            return "timestamp outside tolerance"
    except ValueError:
        return "timestamp is not unix seconds"
    content = f"{msg_id}.{stamp}.".encode() + body
    for key in secrets:
        expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
        for signature in signatures.split(" "):
            version, _, value = signature.partition(",")
            if version == "v1" and hmac.compare_digest(value, expected):
                return None
    return "no valid signature"


def say(line):
    print(time.strftime("%H:%M:%S ", time.gmtime()) + line, flush=True)


def page_line(page):
    data = page.get("data", {})
    beat = data.get("heartbeat", {})
    context = data.get("context", {})
    rollback = context.get("rollback") or {}
    dimension = beat.get("dimension") or {}
    where = f" [{dimension.get('kind')}={dimension.get('value')}]" if dimension else ""
    parts = [f"PAGE {data.get('status', '?')} {data.get('step', '?')} {str(data.get('severity', '?')).upper()}"
             f" {beat.get('code', '?')} {beat.get('name', '?')}{where}: {data.get('summary', '')}"]
    recovery = data.get("recovery")
    if recovery:
        parts.append(f"lasted {recovery.get('durationSeconds')} s, {recovery.get('slaMinutes')} SLA minutes")
    if rollback:
        parts.append(f"rollback {rollback.get('state')}: {rollback.get('detail')}")
    for action in context.get("suggestedActions", [])[:3]:
        parts.append(f"suggested: {action.get('text')}")
    return " | ".join(parts)


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0") or 0))
        headers = {k.lower(): v for k, v in self.headers.items()}
        rollback = self.path.startswith("/rollback/")
        if not rollback and self.path != "/pages":
            return self.answer(404, "unknown path")
        problem = verified(headers, body, ROLLBACK_KEYS if rollback else PAGE_KEYS)
        if problem:
            say(f"REFUSED {self.path}: {problem}")
            return self.answer(401, problem)
        message = json.loads(body)
        with open(JOURNAL, "a", encoding="utf-8") as journal:
            journal.write(json.dumps({"path": self.path, "webhookId": headers["webhook-id"], "body": message}) + "\n")
        if rollback:
            deployment = message.get("deployment", {})
            if headers["webhook-id"] in seen_rollbacks:
                say(f"ROLLBACK {deployment.get('service')} {deployment.get('version')} again: already done")
            else:
                seen_rollbacks.add(headers["webhook-id"])
                say(f"ROLLBACK {deployment.get('service')} {deployment.get('version')} requested for"
                    f" {message.get('metricName')}: {message.get('reason')}")
            return self.answer(202, "rolling back")
        say(page_line(message))
        return self.answer(204, "")

    def answer(self, status, text):
        data = text.encode()
        self.send_response(status)
        self.send_header("content-type", "text/plain")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8190
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    say(f"demo receiver listening on http://127.0.0.1:{port} (pages: /pages, rollback hooks: /rollback/<service>)")
    server.serve_forever()
