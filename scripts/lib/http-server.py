#!/usr/bin/env python3
"""python3 -m http.server, and the same files without a length: GET /chunked/NAME sends the file NAME
with Transfer-Encoding: chunked (HTTP/1.1, no Content-Length), as a server that makes its body on the
fly would. For the benchmarks: a body of unknown length goes into the repository's pieces differently.
Usage: http-server.py PORT DIRECTORY   (binds 127.0.0.1)"""
import functools
import http.server
import os
import shutil
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if not self.path.startswith("/chunked/"):
            return super().do_GET()
        path = os.path.join(self.directory, os.path.basename(self.path[len("/chunked/"):]))
        if not os.path.isfile(path):
            return self.send_error(404)
        self.protocol_version = "HTTP/1.1"
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        with open(path, "rb") as f:
            while True:
                block = f.read(256 * 1024)
                if not block:
                    break
                self.wfile.write(b"%x\r\n" % len(block))
                self.wfile.write(block)
                self.wfile.write(b"\r\n")
        self.wfile.write(b"0\r\n\r\n")
        self.close_connection = True

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port, directory = int(sys.argv[1]), sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=directory))
    server.serve_forever()
