#!/usr/bin/env python3
"""N requests, each on a new TCP connection, ids PREFIX-1..PREFIX-N. Prints "ID SERVER" per answer,
or "FAIL ID error"."""
import socket
import sys

host, port, prefix, n = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
for i in range(1, n + 1):
    rid = f"{prefix}-{i}"
    try:
        with socket.create_connection((host, port), timeout=5) as sock:
            sock.sendall(f"{rid}\n".encode())
            reply = sock.makefile("r").readline().strip()
        print(f"{rid} {reply.split()[0]}" if reply.endswith(rid) else f"FAIL {rid} reply '{reply}'", flush=True)
    except OSError as e:
        print(f"FAIL {rid} {e}", flush=True)
