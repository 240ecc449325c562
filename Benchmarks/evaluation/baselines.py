#!/usr/bin/env python3
"""Two baselines for mapping free text to taxonomy entries, scored on the evaluation sets.

(a) exact terms: the text matches an entry only when the normalised text equals the entry's id or
    one of its synonyms, as Stitch matches terms today (SkillVocabulary: ids first, then synonyms not
    already taken; normalisation as SkillTaxonomy.normalise). Stitch does not look labels up, so the
    variant "exact+label" also accepts the normalised label, as an upper bound for that idea.
(b) TF-IDF: word unigrams, lower-case, sublinear tf, idf smoothed as log((1+N)/(1+df))+1 over the
    taxonomy entries, l2-normalised; each entry is represented by its label, synonyms, id words and
    its parent's label; entries are ranked by cosine to the text (entries with cosine 0 are not
    returned).

Metrics per kind and overall on the chosen split (default `report`): P@1 (top-1 is one of the
item's skills), P@5 (relevant entries among the top 5, divided by 5), Hit@5 (any relevant in the
top 5), MRR@10 (1/rank of the first relevant within the top 10, else 0). An item with no
prediction scores 0 everywhere.

    python3 Benchmarks/evaluation/baselines.py [--split report|tune|all] [--out PATH]

Python 3 + numpy.
"""
import argparse
import json
import math
import os
import re
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evalset  # noqa: E402

SEPARATORS = {" ", "_", "-", "\t", "\n"}


def normalise(text):
    """SkillTaxonomy.normalise: lower-case; runs of spaces, underscores, hyphens, tabs and newlines
    become one hyphen; none at either end."""
    out = []
    pending = False
    for ch in text.lower():
        if ch in SEPARATORS:
            pending = bool(out)
        else:
            if pending:
                out.append("-")
            pending = False
            out.append(ch)
    return "".join(out)


class ExactTerms:
    def __init__(self, taxonomy, with_labels=False):
        self.ids = [e["id"] for e in taxonomy]
        self.lookup = {}
        for i, e in enumerate(taxonomy):
            self.lookup[normalise(e["id"])] = i
        for i, e in enumerate(taxonomy):
            for s in e.get("synonyms", []):
                self.lookup.setdefault(normalise(s), i)
        if with_labels:
            for i, e in enumerate(taxonomy):
                self.lookup.setdefault(normalise(e.get("label") or e["id"]), i)

    def rank(self, text, k=10):
        i = self.lookup.get(normalise(text))
        return [] if i is None else [self.ids[i]]


TOKEN = re.compile(r"[^\W_]+")


def tokens(text):
    return TOKEN.findall(text.lower())


class TfIdf:
    def __init__(self, taxonomy):
        self.ids = [e["id"] for e in taxonomy]
        labels = {e["id"]: e.get("label") or e["id"] for e in taxonomy}
        docs = []
        for e in taxonomy:
            parts = [labels[e["id"]], *e.get("synonyms", []), e["id"].replace("-", " ")]
            if e.get("parent"):
                parts.append(labels.get(e["parent"], e["parent"]))
            docs.append(tokens(" ".join(parts)))
        self.vocab = {}
        for doc in docs:
            for t in doc:
                self.vocab.setdefault(t, len(self.vocab))
        n = len(docs)
        df = np.zeros(len(self.vocab))
        for doc in docs:
            for t in set(doc):
                df[self.vocab[t]] += 1
        self.idf = np.log((1 + n) / (1 + df)) + 1
        self.matrix = np.vstack([self.vector(doc) for doc in docs])

    def vector(self, toks):
        v = np.zeros(len(self.vocab))
        for t in toks:
            j = self.vocab.get(t)
            if j is not None:
                v[j] += 1
        nz = v > 0
        v[nz] = (1 + np.log(v[nz])) * self.idf[nz]
        norm = np.linalg.norm(v)
        return v / norm if norm > 0 else v

    def rank(self, text, k=10):
        scores = self.matrix @ self.vector(tokens(text))
        order = np.argsort(-scores, kind="stable")[:k]
        return [self.ids[i] for i in order if scores[i] > 0]


def score(ranked, relevant):
    rel = set(relevant)
    top5 = ranked[:5]
    p1 = 1.0 if ranked and ranked[0] in rel else 0.0
    p5 = sum(1 for r in top5 if r in rel) / 5
    hit5 = 1.0 if any(r in rel for r in top5) else 0.0
    rr = 0.0
    for i, r in enumerate(ranked[:10], 1):
        if r in rel:
            rr = 1 / i
            break
    return {"P@1": p1, "P@5": p5, "Hit@5": hit5, "MRR@10": rr}


METRICS = ["P@1", "P@5", "Hit@5", "MRR@10"]


def evaluate(method, items, group):
    groups = {}
    for item in items:
        s = score(method.rank(item["text"], 10), item["skills"])
        for g in (group(item), "all"):
            groups.setdefault(g, []).append(s)
    return {g: {"n": len(v), **{m: round(sum(x[m] for x in v) / len(v), 4) for m in METRICS}}
            for g, v in groups.items()}


def main():
    parser = argparse.ArgumentParser(description="Exact-term and TF-IDF baselines on the evaluation sets")
    parser.add_argument("--split", default="report", choices=["report", "tune", "all"])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "baselines.json"))
    args = parser.parse_args()

    taxonomy = evalset.load_taxonomy()
    methods = {
        "exact": ExactTerms(taxonomy),
        "exact+label": ExactTerms(taxonomy, with_labels=True),
        "tfidf": TfIdf(taxonomy),
    }
    sets = {
        "free-text": ("free-text.jsonl", lambda i: i["kind"], evalset.KINDS),
        "openactive": ("openactive.jsonl", lambda i: i["source"], None),
    }
    results = {"split": args.split, "taxonomyEntries": len(taxonomy), "metrics": METRICS, "sets": {}}
    for name, (file, group, order) in sets.items():
        path = os.path.join(evalset.EVAL, file)
        if not os.path.exists(path):
            continue
        items = [i for i in evalset.load_jsonl(path) if args.split == "all" or i["split"] == args.split]
        results["sets"][name] = {m: evaluate(method, items, group) for m, method in methods.items()}
        groups = order or sorted({group(i) for i in items})
        groups = [g for g in groups if any(group(i) == g for i in items)] + ["all"]
        print(f"\n{name} ({args.split} split, {len(items)} items)")
        header = f"  {'method':<12} {'group':<18} {'n':>4} " + " ".join(f"{m:>7}" for m in METRICS)
        print(header)
        for m in methods:
            for g in groups:
                r = results["sets"][name][m][g]
                print(f"  {m:<12} {g:<18} {r['n']:>4} " + " ".join(f"{r[k]:>7.3f}" for k in METRICS))
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
        f.write("\n")
    print(f"\nwrote {os.path.relpath(args.out, evalset.ROOT)}")


if __name__ == "__main__":
    main()
