#!/usr/bin/python3
"""Search and "more like this" peers: SQLite FTS5 and Xapian on the same
articles and the same queries as bench/peers_search.cc (Wirewatch).

  bench/corpora_to_jsonl.py /tmp/ww-bench          # reuters.jsonl, bbc.jsonl
  /usr/bin/python3 bench/peers/search_peers.py /tmp/ww-bench  # + queries.tsv, seeds.txt
  build/bench/peers_search /tmp/ww-bench           # Wirewatch, same files

Bench-only dependencies: python3's sqlite3 (FTS5) and Debian's
python3-xapian (`apt-get install -y python3-xapian`; hence Debian's
/usr/bin/python3); the product needs neither.

Corpus: reuters.jsonl then bbc.jsonl, in file order (doc i = line i of the
concatenation); site = "reuters.com" or "bbc.co.uk". Queries (written to
queries.tsv so every engine runs exactly the same list): 1000, with 1, 2 or 3
words (i % 3 + 1) drawn uniformly from document-frequency ranks 50..5,000 of
the corpus's lowercase alphabetic words (3+ letters), all required (AND),
plus a site filter drawn uniformly; top 10 by BM25. More like this: 1000
seed documents (seeds.txt); Xapian's relevance-set expansion (RSet of the
seed, the 20 best expand terms, OR query, top 10 besides the seed).
Everything runs on one thread; peers are timed through their Python
bindings (per-call overhead of a few microseconds is included).
"""
import json
import os
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time

WORD = re.compile(r"[a-z]{3,}")
N_QUERIES = 1000
N_SEEDS = 1000


def load(d):
    docs = []
    for name, site in (("reuters.jsonl", "reuters.com"), ("bbc.jsonl", "bbc.co.uk")):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                docs.append((r.get("title", ""), r.get("text", ""), site))
    return docs


def make_queries(docs, d):
    df = {}
    for title, text, _ in docs:
        for w in set(WORD.findall((title + " " + text).lower())):
            df[w] = df.get(w, 0) + 1
    ranked = sorted(df, key=lambda w: (-df[w], w))[50:5000]
    rng = random.Random(7)
    queries = []
    for i in range(N_QUERIES):
        words = [rng.choice(ranked) for _ in range(i % 3 + 1)]
        queries.append((" ".join(words), rng.choice(["reuters.com", "bbc.co.uk"])))
    seeds = [rng.randrange(len(docs)) for _ in range(N_SEEDS)]
    with open(os.path.join(d, "queries.tsv"), "w") as f:
        for q, s in queries:
            f.write("%s\t%s\n" % (q, s))
    with open(os.path.join(d, "seeds.txt"), "w") as f:
        for s in seeds:
            f.write("%d\n" % s)
    return queries, seeds


def pct(v, p):
    v = sorted(v)
    return v[int(p * (len(v) - 1))] if v else 0.0


def report(name, n, build_s, lat):
    line = "%-22s" % name
    if build_s is not None:
        line += " build %8.0f docs/s" % (n / build_s)
    else:
        line += " " * 20
    line += "   p50 %.3f ms  p99 %.3f ms" % (pct(lat, 0.5) * 1e3, pct(lat, 0.99) * 1e3)
    print(line, flush=True)


def fts5(docs, queries):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, site UNINDEXED)")
    t0 = time.perf_counter()
    db.execute("BEGIN")
    db.executemany("INSERT INTO docs(rowid, title, body, site) VALUES(?,?,?,?)",
                   ((i + 1, t, x, s) for i, (t, x, s) in enumerate(docs)))
    db.execute("COMMIT")
    build = time.perf_counter() - t0
    sql = ("SELECT rowid FROM docs WHERE docs MATCH ? AND site = ? "
           "ORDER BY rank LIMIT 10")
    lat, hits = [], 0
    for q, site in queries:
        a = time.perf_counter()
        rows = db.execute(sql, (q, site)).fetchall()
        lat.append(time.perf_counter() - a)
        hits += bool(rows)
    report("SQLite FTS5", len(docs), build, lat)
    floor = []
    for _ in range(len(queries)):
        a = time.perf_counter()
        db.execute("SELECT 1").fetchall()
        floor.append(time.perf_counter() - a)
    print("  queries with a hit: %d of %d; binding floor (SELECT 1) p50 %.3f ms"
          % (hits, len(queries), pct(floor, 0.5) * 1e3))


def xapian_peer(docs, queries, seeds):
    import xapian
    tmp = tempfile.mkdtemp(prefix="ww-xapian-")
    try:
        db = xapian.WritableDatabase(os.path.join(tmp, "db"), xapian.DB_CREATE_OR_OVERWRITE)
        tg = xapian.TermGenerator()
        tg.set_stemmer(xapian.Stem("english"))
        t0 = time.perf_counter()
        for title, text, site in docs:
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(title)
            tg.increase_termpos()
            tg.index_text(text)
            doc.add_boolean_term("XS" + site)
            db.add_document(doc)
        db.commit()
        build = time.perf_counter() - t0
        enquire = xapian.Enquire(db)
        qp = xapian.QueryParser()
        qp.set_stemmer(xapian.Stem("english"))
        qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        qp.set_default_op(xapian.Query.OP_AND)
        qp.set_database(db)
        lat, hits = [], 0
        for q, site in queries:
            a = time.perf_counter()
            query = xapian.Query(xapian.Query.OP_FILTER, qp.parse_query(q),
                                 xapian.Query("XS" + site))
            enquire.set_query(query)
            mset = enquire.get_mset(0, 10)
            lat.append(time.perf_counter() - a)
            hits += mset.size() > 0
        report("Xapian", len(docs), build, lat)
        floor = []
        for _ in range(len(queries)):
            a = time.perf_counter()
            enquire.set_query(xapian.Query("XSnowhere"))
            enquire.get_mset(0, 10)
            floor.append(time.perf_counter() - a)
        print("  queries with a hit: %d of %d; binding floor (empty query) "
              "p50 %.3f ms" % (hits, len(queries), pct(floor, 0.5) * 1e3))

        class NoBoolean(xapian.ExpandDecider):
            def __call__(self, term):
                return not term.startswith(b"XS")
        decider = NoBoolean()
        lat = []
        for s in seeds:
            a = time.perf_counter()
            rset = xapian.RSet()
            rset.add_document(s + 1)
            eset = enquire.get_eset(20, rset, decider)
            enquire.set_query(xapian.Query(xapian.Query.OP_OR,
                                           [e.term for e in eset]))
            mset = enquire.get_mset(0, 11)
            _ = [m.docid for m in mset if m.docid != s + 1][:10]
            lat.append(time.perf_counter() - a)
        report("Xapian more-like-this", len(docs), None, lat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "bench-data"
    docs = load(d)
    queries, seeds = make_queries(docs, d)
    print("%d docs, %d queries, %d more-like-this seeds (%s)" %
          (len(docs), len(queries), len(seeds), d))
    fts5(docs, queries)
    try:
        xapian_peer(docs, queries, seeds)
    except ImportError:
        print("Xapian: python3-xapian not installed")


if __name__ == "__main__":
    main()
