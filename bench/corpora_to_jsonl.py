#!/usr/bin/env python3
"""Converts the throughput corpora in ../shared/data/corpora to JSON Lines.

  bench/corpora_to_jsonl.py OUT_DIR

writes OUT_DIR/reuters.jsonl (21,578 Reuters-21578 stories: title, ISO date,
dateline + body as `text`, paragraphs split at the wire's indented lines) and
OUT_DIR/bbc.jsonl (2,225 BBC stories: first line is the title). Bench-only; the
product reads these formats directly and does not need this script.
"""
import html
import json
import os
import re
import sys
from datetime import datetime

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data",
                    "corpora")


def reuters(out):
    src = os.path.join(ROOT, "reuters21578")
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for name in sorted(os.listdir(src)):
            if not name.endswith(".sgm"):
                continue
            raw = open(os.path.join(src, name), "rb").read().decode("latin-1")
            for doc in re.findall(r"<REUTERS(.*?)</REUTERS>", raw, re.S):
                newid = re.search(r'NEWID="(\d+)"', doc).group(1)
                def tag(t):
                    m = re.search(r"<%s>(.*?)</%s>" % (t, t), doc, re.S)
                    return html.unescape(m.group(1)) if m else ""
                date = tag("DATE").strip()
                try:
                    iso = datetime.strptime(date.split(".")[0],
                                            "%d-%b-%Y %H:%M:%S").isoformat()
                except ValueError:
                    iso = ""
                body = tag("BODY").replace("\x03", "").strip()
                body = re.sub(r"\s*Reuter\s*$", "", body)
                paras = [re.sub(r"\s+", " ", p).strip()
                         for p in re.split(r"\n\s{3,}", body)]
                text = tag("DATELINE").strip() + " " + "\n\n".join(
                    p for p in paras if p)
                rec = {"url": "reuters21578:%s" % newid,
                       "title": re.sub(r"\s+", " ", tag("TITLE")).strip(),
                       "published": iso, "text": text.strip()}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def bbc(out):
    src = os.path.join(ROOT, "bbc", "bbc")
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for topic in sorted(os.listdir(src)):
            d = os.path.join(src, topic)
            if not os.path.isdir(d):
                continue
            for name in sorted(os.listdir(d)):
                raw = open(os.path.join(d, name), "rb").read()
                try:
                    txt = raw.decode("utf-8")
                except UnicodeDecodeError:
                    txt = raw.decode("latin-1")
                title, _, body = txt.partition("\n")
                rec = {"url": "bbc:%s/%s" % (topic, name), "title": title.strip(),
                       "text": body.strip()}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "bench-data"
    os.makedirs(out, exist_ok=True)
    print("reuters.jsonl:", reuters(os.path.join(out, "reuters.jsonl")))
    print("bbc.jsonl:", bbc(os.path.join(out, "bbc.jsonl")))
