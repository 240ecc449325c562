#!/usr/bin/env python3
"""Validates the evaluation sets: every skill id exists in data/taxonomy.json, ids are unique,
fields and label values are from the schema, and the split follows the rule (about 40% tune,
stratified). Prints counts per kind and split. Exit status 1 on any error.

    python3 Benchmarks/evaluation/check_datasets.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evalset  # noqa: E402


def report(name, items, errors, warnings, field="kind"):
    print(f"== {name}: {len(items)} items")
    table = evalset.counts(items, field)
    print(f"  {field:<24} {'tune':>5} {'report':>7} {'total':>6} {'tune %':>7}")
    for key in sorted(table, key=str):
        row = table[key]
        total = row["tune"] + row["report"]
        print(f"  {str(key):<24} {row['tune']:>5} {row['report']:>7} {total:>6} {100 * row['tune'] / total:>6.1f}%")
    tune = sum(1 for i in items if i.get("split") == "tune")
    print(f"  {'all':<24} {tune:>5} {len(items) - tune:>7} {len(items):>6} {100 * tune / max(1, len(items)):>6.1f}%")
    for w in warnings:
        print(f"  warning: {w}")
    for e in errors:
        print(f"  ERROR: {e}")
    return not errors


def main():
    taxonomy = evalset.load_taxonomy()
    known = {e["id"] for e in taxonomy}
    ok = True

    path = os.path.join(evalset.EVAL, "free-text.jsonl")
    items = evalset.load_jsonl(path)
    errors, warnings = evalset.validate(items, taxonomy)
    minimum = {"request": 150, "offer": 100, "reason": 100}
    for kind, n in minimum.items():
        have = sum(1 for i in items if i.get("kind") == kind)
        if have < n:
            errors.append(f"only {have} {kind} items (at least {n} wanted)")
    if len(items) < 450:
        errors.append(f"only {len(items)} items (at least 450 wanted)")
    for kind in evalset.KINDS:
        group = [i for i in items if i.get("kind") == kind]
        if group:
            share = sum(1 for i in group if i.get("split") == "tune") / len(group)
            if not 0.35 <= share <= 0.45:
                errors.append(f"{kind}: tune share {share:.2f} outside 0.35-0.45")
    ok &= report("free-text.jsonl", items, errors, warnings)
    reasons = [i for i in items if i.get("kind") == "reason"]
    if reasons:
        for field, values in (("needs", evalset.NEEDS), ("ways", evalset.WAYS)):
            tally = {v: sum(1 for i in reasons if v in i.get(field, [])) for v in values}
            print(f"  reason {field}: " + ", ".join(f"{k} {v}" for k, v in tally.items()))
    skills_used = {s for i in items for s in i.get("skills", [])}
    print(f"  taxonomy entries used as a label: {len(skills_used)} of {len(known)}")

    path = os.path.join(evalset.EVAL, "openactive.jsonl")
    if os.path.exists(path):
        items = evalset.load_jsonl(path)
        errors, warnings = evalset.validate(items, taxonomy, kinds=["activity"], needs_for=(),
                                            group=lambda i: i.get("source"))
        ok &= report("openactive.jsonl", items, errors, warnings, field="source")

    path = os.path.join(evalset.EVAL, "activity-list-to-taxonomy.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            mapping = json.load(f)
        errors = []
        for section in ("concepts", "feedLabels"):
            for n, entry in enumerate(mapping.get(section, []), 1):
                for s in entry.get("skills", []):
                    if s not in known:
                        errors.append(f"{section}[{n}] {entry.get('prefLabel') or entry.get('label')}: unknown skill id {s!r}")
                if not entry.get("skills"):
                    errors.append(f"{section}[{n}]: no skills")
        print(f"== activity-list-to-taxonomy.json: {len(mapping.get('concepts', []))} concepts, "
              f"{len(mapping.get('feedLabels', []))} feed labels outside the list")
        for e in errors:
            print(f"  ERROR: {e}")
        ok &= not errors

    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
