#!/usr/bin/env python3
"""Client side of namespace tests; prints one JSON object on stdout.

count tcp|udp HOST PORT N          N new connections (or datagrams from fresh sockets); tally of names
hammer tcp HOST PORT SECONDS MAX   connect/read/close in a loop for SECONDS (at most MAX times, or until
                                   SIGTERM); tally of outcomes
hold tcp HOST PORT                 one connection kept open; each stdin line is sent, the reply printed
                                   as {"reply": NAME}; stdin closed ends it
"""
import json
import signal
import socket
import sys
import time

mode, proto, host, port = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
family = socket.AF_INET6 if ":" in host else socket.AF_INET


def one_tcp():
    with socket.create_connection((host, port), timeout=3) as s:
        return s.makefile("rb").readline().decode().strip()


def one_udp():
    with socket.socket(family, socket.SOCK_DGRAM) as s:
        s.settimeout(2)
        s.sendto(b"hi\n", (host, port))
        return s.recvfrom(2048)[0].decode().strip()


def tally(counts, key):
    counts[key] = counts.get(key, 0) + 1


if mode == "count":
    counts = {}
    for _ in range(int(sys.argv[5])):
        try:
            tally(counts, one_tcp() if proto == "tcp" else one_udp())
        except OSError as e:
            tally(counts, "error:" + type(e).__name__)
    print(json.dumps(counts))
elif mode == "hammer":
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))  # print the tally, then end
    counts = {}
    deadline = time.monotonic() + float(sys.argv[5])
    limit = int(sys.argv[6])
    n = 0
    while time.monotonic() < deadline and n < limit and not stop:
        n += 1
        try:
            one_tcp()
            tally(counts, "ok")
        except ConnectionRefusedError:
            tally(counts, "refused")
        except OSError as e:
            tally(counts, "error:" + type(e).__name__)
    print(json.dumps(counts))
elif mode == "hold":
    s = socket.create_connection((host, port), timeout=5)
    f = s.makefile("rb")
    print(json.dumps({"reply": f.readline().decode().strip()}), flush=True)
    for line in sys.stdin:
        try:
            s.sendall(b"again\n")
            print(json.dumps({"reply": f.readline().decode().strip()}), flush=True)
        except OSError as e:
            print(json.dumps({"reply": "error:" + type(e).__name__}), flush=True)
    s.close()
