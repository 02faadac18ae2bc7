#!/usr/bin/env python3
"""Writes testdata/bad/: small hostile inputs for the ingest tests.

Each file is one kind of bad document; the ingest test (tests/bad_input_test.cc)
runs them as one batch together with good documents and checks that every one
ends as a stored article (best effort, with warnings) or a recorded failure.
The two large cases (a 200 MB single-line file, 100,000 nested tags) are made
by the test itself at run time and are not committed.
Run from the repository root: python3 scripts/make-bad-testdata.py
"""
import gzip
import os
import random

OUT = os.path.join("testdata", "bad")
os.makedirs(OUT, exist_ok=True)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


PAGE = ("<!doctype html><html><head><title>{title}</title></head><body>"
        "<article><h1>{title}</h1><p>{body}</p><p>{body2}</p></article>"
        "</body></html>")

# Invalid UTF-8 in a page that says it is UTF-8.
write("invalid-utf8.html", (
    '<html><head><meta charset="utf-8"><title>Broken bytes</title></head>'
    "<body><p>Valid text, then bad bytes: \xff\xfe\xc3 and more text after "
    "them so the paragraph is long enough to keep.</p></body></html>"
).encode("latin-1"))

# A Latin-1 page with no declared charset (detection must find it).
write("latin1-undeclared.html", PAGE.format(
    title="Café au lait à Genève",
    body="Le président a déclaré que la coopération économique était "
         "essentielle pour l'avenir de la région, selon un communiqué publié "
         "à Genève. Les négociations reprendront après l'été.",
    body2="Les représentants des deux pays se réuniront à nouveau en "
          "septembre pour discuter des détails de l'accord.").encode("latin-1"))

# A gzip stream cut in the middle.
full = gzip.compress(PAGE.format(
    title="Truncated", body="x " * 2000, body2="y " * 2000).encode())
write("truncated.html.gz", full[: len(full) // 2])

# An empty file.
write("empty.html", b"")

# Binary junk (deterministic).
rng = random.Random(42)
write("junk.bin", bytes(rng.randrange(256) for _ in range(4096)))

# NUL bytes sprinkled in an otherwise good page.
write("nul-bytes.html", PAGE.format(
    title="Nul\0bytes", body="Some text\0with NUL bytes inside it, which "
    "must be removed without losing the words around them.",
    body2="Second\0paragraph.").encode())

# JSON Lines: a malformed line between two good ones.
write("mixed.jsonl", (
    '{"url":"http://example.org/a","title":"Good one","published":"2013-07-11",'
    '"text":"First good article body.\\n\\nSecond paragraph."}\n'
    '{"url":"http://example.org/b","title":"Broken", "text": "unterminated\n'
    '{"url":"http://example.org/c","title":"Good two","published":"2013-07-12",'
    '"html":"<html><body><p>Second good article, from HTML.</p></body></html>"}\n'
).encode())

# WARC: a record whose Content-Length lies (too long), then a good record.
def warc_record(uri, payload, length=None):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"\r\n" + payload)
    n = len(http) if length is None else length
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {}\r\n"
            "WARC-Date: 2013-07-12T16:48:58Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            "Content-Length: {}\r\n\r\n").format(uri, n).encode()
    return head + http + b"\r\n\r\n"

lying = warc_record("http://example.org/lying",
                    PAGE.format(title="Lying", body="a", body2="b").encode(),
                    length=100000)
good = warc_record("http://example.org/good", PAGE.format(
    title="Good WARC record",
    body="This record comes after a record whose Content-Length lies.",
    body2="It must still be read.").encode())
# The lying record claims 100000 bytes; the real bytes are far fewer, so the
# reader must notice the next "WARC/1.0" and resynchronise.
write("lying-length.warc", lying + good)
print("wrote", sorted(os.listdir(OUT)))
