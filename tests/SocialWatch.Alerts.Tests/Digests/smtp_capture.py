"""SMTP server for the digest tests: writes every accepted message to a directory, or refuses them all.

Usage: smtp_capture.py --port PORT --dir DIR [--refuse]
Prints "READY" once it listens on 127.0.0.1:PORT and stops when its standard input closes.
Each accepted message becomes DIR/<n>.eml (the bytes as received) plus DIR/<n>.json with the envelope.
"""
import argparse
import itertools
import json
import os
import sys

from aiosmtpd.controller import Controller


class CaptureHandler:
    def __init__(self, directory, refuse):
        self.directory = directory
        self.refuse = refuse
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "550 5.7.1 Message refused by the test server"
        number = next(self.counter)
        base = os.path.join(self.directory, f"{number:04d}")
        # Write under a temporary name and rename, so a reader never sees half a message.
        with open(base + ".eml.tmp", "wb") as eml:
            eml.write(envelope.original_content or envelope.content)
        with open(base + ".json", "w", encoding="utf-8") as meta:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, meta)
        os.replace(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--refuse", action="store_true")
    args = parser.parse_args()

    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(CaptureHandler(args.dir, args.refuse), hostname="127.0.0.1", port=args.port)
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
