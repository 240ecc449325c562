"""Shared helpers for the matching evaluation sets: loading, the split rule and validation.

Python 3 standard library only (numpy is used by the baselines, not here).
"""
import hashlib
import json
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "data")
EVAL = os.path.join(DATA, "evaluation")

KINDS = ["request", "offer", "interest", "reason", "activity"]
NEEDS = [
    "loneliness-isolation", "bereavement", "low-mood-anxiety-stress", "physical-inactivity",
    "long-term-condition", "money-debt", "housing", "employment-benefits", "caring-responsibilities",
]
WAYS = ["connect", "beActive", "keepLearning", "takeNotice", "give"]
SPLITS = ["tune", "report"]
TUNE_SHARE = 0.4


def load_taxonomy(path=None):
    with open(path or os.path.join(DATA, "taxonomy.json"), encoding="utf-8") as f:
        return json.load(f)["skills"]


def load_jsonl(path):
    items = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if line:
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{n}: {e}") from None
    return items


def write_jsonl(path, items):
    with open(path, "w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")


def split_key(item_id):
    return hashlib.sha256(item_id.encode("utf-8")).hexdigest()


def assign_splits(items, group=lambda item: item["kind"], share=TUNE_SHARE):
    """The split rule: within each group (by default each kind), order the items by the SHA-256
    of their id; the first round(share * n) are `tune`, the rest `report`. Returns {id: split}."""
    groups = {}
    for item in items:
        groups.setdefault(group(item), []).append(item["id"])
    out = {}
    for ids in groups.values():
        ordered = sorted(ids, key=split_key)
        k = round(share * len(ordered))
        for i, item_id in enumerate(ordered):
            out[item_id] = "tune" if i < k else "report"
    return out


def validate(items, taxonomy, kinds=KINDS, needs_for=("reason",), group=lambda item: item["kind"]):
    """Returns (errors, warnings). Errors: bad fields, unknown skill ids, duplicate ids.
    Warnings: duplicate texts within a kind, splits that differ from the split rule."""
    errors, warnings = [], []
    known = {e["id"] for e in taxonomy}
    seen_ids, seen_texts = set(), {}
    for n, item in enumerate(items, 1):
        where = f"item {n} ({item.get('id', '?')})"
        item_id = item.get("id")
        if not isinstance(item_id, str) or not item_id:
            errors.append(f"{where}: no id")
        elif item_id in seen_ids:
            errors.append(f"{where}: duplicate id")
        seen_ids.add(item_id)
        if item.get("kind") not in kinds:
            errors.append(f"{where}: kind {item.get('kind')!r} not in {kinds}")
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty text")
        else:
            key = (item.get("kind"), " ".join(text.lower().split()))
            if key in seen_texts:
                warnings.append(f"{where}: same text as {seen_texts[key]}")
            seen_texts[key] = item_id
        skills = item.get("skills")
        if not isinstance(skills, list) or not skills:
            errors.append(f"{where}: no skills")
        else:
            for s in skills:
                if s not in known:
                    errors.append(f"{where}: unknown skill id {s!r}")
            if len(set(skills)) != len(skills):
                errors.append(f"{where}: repeated skill id")
        if item.get("split") not in SPLITS:
            errors.append(f"{where}: split {item.get('split')!r} not in {SPLITS}")
        if item.get("kind") in needs_for:
            for field, allowed in (("needs", NEEDS), ("ways", WAYS)):
                values = item.get(field)
                if not isinstance(values, list):
                    errors.append(f"{where}: {field} missing")
                    continue
                for v in values:
                    if v not in allowed:
                        errors.append(f"{where}: {field} value {v!r} not in the fixed list")
                if len(set(values)) != len(values):
                    errors.append(f"{where}: repeated {field} value")
            if not item.get("needs") and not item.get("ways"):
                warnings.append(f"{where}: neither needs nor ways")
    rule = assign_splits([i for i in items if isinstance(i.get("id"), str) and i.get("kind")], group=group)
    moved = [i["id"] for i in items if i.get("id") in rule and rule[i["id"]] != i.get("split")]
    if moved:
        warnings.append(f"{len(moved)} items have a split other than the rule gives (first: {moved[:5]})")
    return errors, warnings


def counts(items, field="kind"):
    table = {}
    for item in items:
        row = table.setdefault(item.get(field), {"tune": 0, "report": 0})
        row[item.get("split")] = row.get(item.get("split"), 0) + 1
    return table
