#!/usr/bin/env python3
"""Builds data/evaluation/openactive.jsonl from the real OpenActive session feeds in data/openactive/.

Each item is one distinct session name per publisher (names that differ only by day or time,
such as "Zumba Monday 6.15pm" and "Zumba Tues 10.30am", are one item, kept under the first name
seen), labelled with the taxonomy ids that the session's OpenActive Activity List concept maps to
in data/evaluation/activity-list-to-taxonomy.json. A feed activity is resolved to a concept by its
id when the feed gives one, otherwise by its label against the list's prefLabel/altLabel (trade
marks, case, spaces and punctuation ignored); labels the list does not have are looked up in the
mapping's `feedLabels`. Sessions whose activities map to nothing are left out and counted.

    python3 Benchmarks/evaluation/make_openactive_set.py [--activity-list PATH] [--check]

--check rebuilds in memory and exits 1 if the committed file differs. Python 3 standard library.
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evalset  # noqa: E402

FEEDS = [
    # file, publisher, source (for attribution)
    ("everyone-active_20200106.json", "Everyone Active",
     "GitHub davetaz/openactive-crossfilter data/everyone-active_20200106.json @ b2b7f653"),
    ("newham_20200102.json", "Active Newham",
     "GitHub davetaz/openactive-crossfilter data/newham_20200102.json @ 48263e3d"),
]
ACTIVITY_LIST_CANDIDATES = [
    os.path.join(evalset.DATA, "openactive", "activity-list.jsonld"),
    "/work/shared/data/openactive-activity-list/activity-list.jsonld",
]

DAYS = r"(mon|monday|mond|mondat|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|thr|fri|frid|friday|fr|sat|saturday|sun|sunday)"
TIME = r"(\d{1,2}([.:]\d{2})?\s*(am|pm|a|m|noon)?|\d{1,2}noon)"


def key(text):
    """Trade marks, case, spaces and punctuation ignored: 'Body Combat™' == 'bodycombat'."""
    return re.sub(r"[^a-z0-9+]", "", re.sub("[™®©]", "", text).lower())


def series_key(name):
    """The session name without trailing day and time words: 'Zumba Tuesday 7.20pm' -> 'zumba'."""
    words = name.lower().replace("-", " ").split()
    while words and (re.fullmatch(DAYS, words[-1]) or re.fullmatch(TIME, words[-1])):
        words.pop()
    return " ".join(words) or name.lower()


def activity_list_path(given):
    for path in ([given] if given else ACTIVITY_LIST_CANDIDATES):
        if path and os.path.exists(path):
            return path
    sys.exit("OpenActive Activity List not found; pass --activity-list PATH")


def build(list_path):
    with open(list_path, encoding="utf-8") as f:
        concepts = json.load(f)["concept"]
    by_id = {c["identifier"]: c for c in concepts}
    by_label = {}
    for c in concepts:
        for label in [c["prefLabel"]] + c.get("altLabel", []):
            by_label.setdefault(key(label), []).append(c["identifier"])
    with open(os.path.join(evalset.EVAL, "activity-list-to-taxonomy.json"), encoding="utf-8") as f:
        mapping = json.load(f)
    concept_skills = {m["id"].split("#")[-1]: m for m in mapping["concepts"]}
    feed_labels = {key(m["label"]): m for m in mapping["feedLabels"]}
    overrides = {o["name"]: o for o in mapping.get("sessionOverrides", [])}

    def resolve(activity):
        """-> (label, concept identifier or None, mapping entry or None)"""
        if isinstance(activity, dict):
            label = activity.get("prefLabel") or ""
            ident = (activity.get("id") or activity.get("@id") or "").split("#")[-1] or None
        else:
            label, ident = str(activity), None
        if ident not in by_id:
            # the list has a few labels twice ("Crossfit", "Cross Fit"): prefer a mapped concept
            candidates = by_label.get(key(label), [])
            ident = next((c for c in candidates if c in concept_skills), candidates[0] if candidates else None)
        if ident and ident in concept_skills:
            return label, ident, concept_skills[ident]
        return label, ident, feed_labels.get(key(label))

    items, skipped = [], {}
    for file, publisher, source in FEEDS:
        with open(os.path.join(evalset.DATA, "openactive", file), encoding="utf-8") as f:
            page = json.load(f)
        series = {}
        for record in page["items"]:
            if record.get("state") != "updated" or not record.get("data"):
                continue
            data = record["data"]
            name = " ".join((data.get("name") or "").split())
            if not name:
                continue
            resolved = [resolve(a) for a in data.get("activity") or []]
            labels = [r[0] for r in resolved]
            k = (series_key(name), tuple(sorted(labels)))
            if k in series:
                series[k]["sessions"] += 1
                continue
            specific = [r for r in resolved if r[2] and not r[2].get("generic")]
            generic = [r for r in resolved if r[2] and r[2].get("generic")]
            skills = []
            for r in specific + generic:
                for s in r[2]["skills"]:
                    if s not in skills:
                        skills.append(s)
            note = None
            if name in overrides:
                skills = list(overrides[name]["skills"])
                note = overrides[name]["why"]
            if not skills:
                skipped[name] = labels
                continue
            description = " ".join((data.get("description") or "").replace("<br>", " ").split())
            item = {
                "kind": "activity",
                "text": name,
                "description": description if len(description) > 1 else None,
                "skills": skills,
                "feedActivity": labels,
                "activityList": [
                    {"id": f"https://openactive.io/activity-list#{r[1]}", "prefLabel": by_id[r[1]]["prefLabel"]}
                    for r in resolved if r[1]
                ],
                "source": publisher,
                "sessions": 1,
                "attribution": f"{publisher} via OpenActive, CC BY 4.0 ({source})",
            }
            if note:
                item["labelNote"] = note
            series[k] = item
        items.extend(series.values())
    for n, item in enumerate(items, 1):
        item["id"] = f"oa-{n:04d}"
    splits = evalset.assign_splits(items, group=lambda i: i["source"])
    ordered = []
    for item in items:
        item["split"] = splits[item["id"]]
        ordered.append({k: item[k] for k in ["id", "kind", "text", "description", "skills", "feedActivity",
                                             "activityList", "source", "sessions", "split", "attribution"]
                        + (["labelNote"] if "labelNote" in item else [])})
    return ordered, skipped


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activity-list", help="path of activity-list.jsonld")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is out of date")
    args = parser.parse_args()
    items, skipped = build(activity_list_path(args.activity_list))
    out = os.path.join(evalset.EVAL, "openactive.jsonl")
    text = "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
    if args.check:
        with open(out, encoding="utf-8") as f:
            same = f.read() == text
        print("openactive.jsonl is up to date" if same else "openactive.jsonl differs from a rebuild")
        return 0 if same else 1
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    by_source = {}
    for i in items:
        by_source[i["source"]] = by_source.get(i["source"], 0) + 1
    print(f"wrote {len(items)} items to {os.path.relpath(out, evalset.ROOT)}: {by_source}")
    for name, labels in skipped.items():
        print(f"  left out (no taxonomy match for {labels}): {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
