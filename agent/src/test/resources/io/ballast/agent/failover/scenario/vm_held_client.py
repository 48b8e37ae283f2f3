#!/usr/bin/env python3
"""One long-lived TCP connection: a numbered line every 100 ms, each answer awaited (20 s at most).
Logs "ok N REPLY MILLIS" per round trip; on the first failure logs "FAIL ..." and exits, never
reconnecting. Stops when STOP_FILE exists or after MAX_SECONDS."""
import os
import socket
import sys
import time

host, port, log, stop, max_seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5])
out = open(log, "a", buffering=1)
try:
    sock = socket.create_connection((host, port), timeout=20)
    reader = sock.makefile("r")
except OSError as e:
    out.write(f"FAIL connect {e}\n")
    sys.exit(1)
end = time.time() + max_seconds
n = 0
while time.time() < end and not os.path.exists(stop):
    n += 1
    try:
        sock.sendall(f"{n}\n".encode())
        reply = reader.readline().strip()
    except OSError as e:
        out.write(f"FAIL {n} {e}\n")
        sys.exit(1)
    if not reply.endswith(f" {n}"):
        out.write(f"FAIL {n} unexpected reply '{reply}'\n")
        sys.exit(1)
    out.write(f"ok {n} {reply.split()[0]} {int(time.time() * 1000)}\n")
    time.sleep(0.1)
out.write("END\n")
