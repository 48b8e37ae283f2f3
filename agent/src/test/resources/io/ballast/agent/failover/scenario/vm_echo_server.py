#!/usr/bin/env python3
"""TCP server for the IPVS failover VM tests: answers every line with "IDENTITY line". With a log
file, the first line of every connection (a request id) is appended to it, so a test can count
which node served which request, and how often."""
import socketserver
import sys
import threading

port, identity = int(sys.argv[1]), sys.argv[2]
log = sys.argv[3] if len(sys.argv) > 3 else None
lock = threading.Lock()


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        first = True
        for raw in self.rfile:
            line = raw.decode(errors="replace").strip()
            if first and log:
                with lock, open(log, "a") as out:
                    out.write(line + "\n")
            first = False
            self.wfile.write(f"{identity} {line}\n".encode())
            self.wfile.flush()


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


Server(("0.0.0.0", port), Handler).serve_forever()
