#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make-extract-corpus.py: a benchmark corpus for `sitrep-cli bench extract`, generated from
# the extractor's fixtures (and the seed article) into a directory outside the repository.
#
#   tools/make-extract-corpus.py [--out /tmp/sitrep-extract-corpus] [--mb 50]
#                                [--fixtures tests/extract] [--seed ../shared/seed]
#
# Each generated file is one article: a fixture with its paragraphs shuffled and a
# reference line, so that every document is distinct (distinct sha256) but reads like wire
# copy. Never commit the output.
import argparse
import os
import random
import sys


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default="/tmp/sitrep-extract-corpus")
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--fixtures", default=os.path.join(root, "tests", "extract"))
    ap.add_argument("--seed", default=os.path.join(root, "..", "shared", "seed"))
    ap.add_argument("--random-seed", type=int, default=1)
    args = ap.parse_args()

    sources = []
    for d in (args.fixtures, args.seed):
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".txt"):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    sources.append(f.read())
    if not sources:
        sys.exit("make-extract-corpus: no .txt articles in %s or %s" % (args.fixtures, args.seed))

    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.random_seed)
    target = int(args.mb * 1000 * 1000)
    total = 0
    n = 0
    while total < target:
        text = sources[n % len(sources)]
        lines = [l for l in text.split("\n") if l.strip()]
        head, rest = lines[:1], lines[1:]
        rng.shuffle(rest)
        doc = "\n".join(head + rest) + "\n(Ref. %06d)\n" % n
        data = doc.encode("utf-8")
        with open(os.path.join(args.out, "doc-%06d.txt" % n), "wb") as f:
            f.write(data)
        total += len(data)
        n += 1
    print("%d documents, %.1f MB in %s" % (n, total / 1e6, args.out))


if __name__ == "__main__":
    main()
