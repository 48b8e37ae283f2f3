#!/usr/bin/env python3
"""Sends one HTTP GET to HOST:PORT every INTERVAL_MS for SECONDS and reports what the client saw.

Each request is its own TCP connection on its own thread, started on a fixed schedule, so a stalled
request never delays the next one. A request counts as answered when a whole HTTP 200 reply arrives
within 500 ms of its start (shorter than the first SYN retransmission, so a request sent into the
outage cannot succeed late and hide it).

Prints one JSON line: sent, ok, failed, longestGapMs (longest time between the starts of two
consecutive answered requests, minus one interval), gapStartMs (epoch ms of the last answered start
before that gap), firstFailMs/lastFailMs, per-second failure counts relative to the start, the
failures by reason (failureReasons: the exception's name — timeout, ConnectionResetError… — or
late / no-reply / bad-reply) and when each failed request started (failOffsetsMs, ms after the start),
and, for the first 200 failures, [ms after the start, client source port, reason] (failures): a port lets
the director's connection-tracking entry for that request be looked up afterwards. firstPort/lastPort are
the source ports of the first and the last request (the client's port allocation wraps after a few
thousand connections to one destination).
"""
import json
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

host, port, interval_ms, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
TIMEOUT = 0.5
request = ("GET / HTTP/1.0\r\nHost: %s\r\n\r\n" % host).encode()
results = []
lock = threading.Lock()


def source_port(s):
    try:
        return s.getsockname()[1]
    except OSError:
        return None


def one(started):
    ok = False
    why = None
    sport = None
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.settimeout(TIMEOUT)
            try:
                s.connect((host, port))
            finally:
                # Bound at connect(), also when it fails (a timed-out SYN keeps its port until close).
                sport = source_port(s)
            s.settimeout(max(0.01, TIMEOUT - (time.time() - started)))
            s.sendall(request)
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
                if time.time() - started > TIMEOUT:
                    break
            ok = data.startswith(b"HTTP/1.") and b" 200 " in data.split(b"\r\n", 1)[0] \
                and time.time() - started <= TIMEOUT
            if not ok:
                why = "late" if data.startswith(b"HTTP/1.") else "no-reply" if not data else "bad-reply"
    except OSError as e:
        ok = False
        why = type(e).__name__
    with lock:
        results.append((started, ok, why, sport))


start = time.time()
with ThreadPoolExecutor(max_workers=128) as pool:
    n = 0
    while True:
        due = start + n * interval_ms / 1000.0
        if due - start >= seconds:
            break
        delay = due - time.time()
        if delay > 0:
            time.sleep(delay)
        pool.submit(one, time.time())
        n += 1

results.sort(key=lambda r: r[0])
oks = [t for t, ok, _, _ in results if ok]
fails = [t for t, ok, _, _ in results if not ok]
reasons = {}
for _, ok, why, _ in results:
    if not ok:
        reasons[why] = reasons.get(why, 0) + 1
gap, gap_start = 0.0, None
for a, b in zip(oks, oks[1:]):
    if b - a > gap:
        gap, gap_start = b - a, a
if oks:
    if oks[0] - start > gap:
        gap, gap_start = oks[0] - start, start
    if start + seconds - oks[-1] > gap:
        gap, gap_start = start + seconds - oks[-1], oks[-1]
else:
    gap, gap_start = seconds, start
per_second = {}
for t in fails:
    k = int(t - start)
    per_second[k] = per_second.get(k, 0) + 1
print(json.dumps({
    "sent": len(results), "ok": len(oks), "failed": len(fails),
    "longestGapMs": round(max(0.0, gap * 1000 - interval_ms), 1),
    "gapStartMs": int(gap_start * 1000) if gap_start else None,
    "startMs": int(start * 1000),
    "firstFailMs": int(fails[0] * 1000) if fails else None,
    "lastFailMs": int(fails[-1] * 1000) if fails else None,
    "failuresPerSecond": per_second,
    "failureReasons": reasons,
    "failOffsetsMs": [int((t - start) * 1000) for t in fails],
    "failures": [[int((t - start) * 1000), sport, why] for t, ok, why, sport in results if not ok][:200],
    "firstPort": results[0][3] if results else None,
    "lastPort": results[-1][3] if results else None,
}), flush=True)
