#!/usr/bin/env python3
"""Replies with its own name: a tiny real server for namespace tests.

tcp PORT NAME: sends "NAME\n" on connect, then answers every line with "NAME\n" until the client closes.
udp PORT NAME: answers every datagram with "NAME\n".
Listens on :: with IPV6_V6ONLY off, so IPv4 and IPv6 clients both reach it.
"""
import socket
import socketserver
import sys

proto, port, name = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode() + b"\n"


class DualStackTcp(socketserver.ThreadingTCPServer):
    address_family = socket.AF_INET6
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 512

    def server_bind(self):
        self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        super().server_bind()


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        try:
            self.wfile.write(name)
            self.wfile.flush()
            for _ in self.rfile:
                self.wfile.write(name)
                self.wfile.flush()
        except OSError:
            pass


if proto == "tcp":
    DualStackTcp(("::", port), Handler).serve_forever()
else:
    sock = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    sock.bind(("::", port))
    while True:
        data, peer = sock.recvfrom(2048)
        sock.sendto(name, peer)
