#!/usr/bin/env python3
"""Who can help?, written the way a data analyst would with numpy: a baseline for Stitch.

The community is loaded once into column arrays (one row per member); each request is then
answered with whole-array operations: the hard constraints are boolean masks, the factors are
columns, the score is their weighted mean and the top 10 is taken by score, then id. The
formulas are those of docs/scoring.md ("Who can help?", "Skill relatedness"); nothing here is
used by Stitch itself.

What it leaves out, so that the comparison is like for like:
- bridging: it is a network model (ties, groups, shared neighbours) that this baseline does not
  build, so it only answers with the bridging weight at 0 and the engine is run with the same
  weights (run.sh does both);
- reasons and exclusion counts: only ids and scores are returned.

Skill relatedness is computed here from data/taxonomy.json (exact, broader, narrower, two levels
apart, siblings) and the same learned similarity (PPMI of the skills members hold together,
truncated SVD, cosine), with numpy's own SVD.

Usage, for a look at one community:
    python3 who_can_help_numpy.py community.json requests.json [--taxonomy data/taxonomy.json]
prints each request's top 10 as JSON lines.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp

EARTH_RADIUS_KM = 6371.0088
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
QUARTERS = 7 * 96  # a week of quarter hours
WORDS = 11  # 672 bits in 64-bit words

BROKER = {"skill": 0.35, "availability": 0.20, "locality": 0.20, "wellbeing": 0.05, "bridging": 0.10, "reciprocity": 0.10}
FACTORS = ["skill", "availability", "locality", "wellbeing", "bridging", "reciprocity"]


def normalise(text: str) -> str:
    """Lower case; runs of spaces, underscores, hyphens, tabs and newlines become one hyphen."""
    out = []
    pending = False
    for ch in text.lower():
        if ch in " _-\t\n":
            pending = bool(out)
        else:
            if pending:
                out.append("-")
            pending = False
            out.append(ch)
    return "".join(out)


def minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def week_bits(slots) -> np.ndarray:
    """A list of slots as 672 booleans: each slot covers every quarter hour it touches."""
    bits = np.zeros(QUARTERS, dtype=bool)
    for s in slots:
        base = DAYS.index(s["day"].lower()) * 96
        bits[base + minutes(s["start"]) // 15 : base + (minutes(s["end"]) + 14) // 15] = True
    return bits


def pack_words(bits: np.ndarray) -> np.ndarray:
    """Rows of 672 booleans as rows of 11 little-endian 64-bit words (bit i of the week = bit i % 64 of word i // 64)."""
    bits = np.atleast_2d(bits)
    padded = np.zeros((bits.shape[0], WORDS * 64), dtype=bool)
    padded[:, :QUARTERS] = bits
    return np.packbits(padded, axis=1, bitorder="little").view("<u8")


def day_number(text: str) -> int:
    return _dt.date.fromisoformat(text).toordinal()


def csr(rows: list[list[int]], columns: int) -> sp.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(indptr[-1]))
    return sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), columns))


class Vocabulary:
    """Taxonomy entries first (by position), then free text in order of first use."""

    def __init__(self, taxonomy: dict):
        skills = taxonomy["skills"]
        self.n = len(skills)
        self.index: dict[str, int] = {}
        for i, e in enumerate(skills):
            self.index[normalise(e["id"])] = i
        for i, e in enumerate(skills):
            for s in e.get("synonyms") or []:
                self.index.setdefault(normalise(s), i)
        self.parent = np.array([self.index.get(normalise(e["parent"]), -1) if e.get("parent") else -1 for e in skills])
        self.count = self.n
        self.experience = np.full(self.n, -1)
        for i, e in enumerate(skills):
            if e.get("experience"):
                self.experience[i] = self.intern(e["experience"])

    def intern(self, term: str) -> int:
        key = normalise(term)
        if key not in self.index:
            self.index[key] = self.count
            self.count += 1
        return self.index[key]

    def terms(self, terms) -> list[int]:
        return sorted({self.index[normalise(t)] for t in terms})


def learned_similarity(member_sets: sp.csr_matrix, rank: int) -> np.ndarray:
    """Cosine of the rows of U_k·sqrt(Σ_k), the truncated SVD of the PPMI of co-held skills; clipped to [0, 1]."""
    n = member_sets.shape[1]
    x = member_sets.copy()
    x.data[:] = 1.0
    c = (x.T @ x).toarray()
    rows = c.sum(axis=1)
    total = rows.sum()
    similarity = np.zeros((n, n))
    if total > 0:
        with np.errstate(divide="ignore", invalid="ignore"):
            pmi = np.log(c * total / np.outer(rows, rows))
        ppmi = np.where(c > 0, np.maximum(0.0, pmi), 0.0)
        if ppmi.any():
            u, sigma, _ = np.linalg.svd(ppmi)
            k = min(rank, n)
            embedding = u[:, :k] * np.sqrt(sigma[:k])
            norms = np.linalg.norm(embedding, axis=1)
            unit = np.divide(embedding, norms[:, None], out=np.zeros_like(embedding), where=norms[:, None] >= 1e-12)
            similarity = np.clip(unit @ unit.T, 0.0, 1.0)
    np.fill_diagonal(similarity, 1.0)
    return similarity


def relatedness(vocabulary: Vocabulary, member_sets: sp.csr_matrix, learned_rank: int) -> np.ndarray:
    """R[wanted, offered]: how well an offered taxonomy entry serves a wanted one (0 below 0.2)."""
    n = vocabulary.n
    parent = vocabulary.parent
    grandparent = np.where(parent >= 0, parent[np.maximum(parent, 0)], -1)
    s = np.arange(n)[:, None]
    o = np.arange(n)[None, :]
    # Later assignments win, so go from the weakest taxonomy link to the strongest.
    level = np.zeros((n, n))
    siblings = (parent[:, None] == parent[None, :]) & (parent[:, None] >= 0) & (grandparent[:, None] >= 0) & (s != o)
    level[siblings] = 0.45
    level[(grandparent[:, None] == o) | (grandparent[None, :] == s)] = 0.6
    level[parent[None, :] == s] = 0.8
    level[parent[:, None] == o] = 0.85
    level[s == o] = 1.0
    if n > 1 and learned_rank > 0:
        similarity = learned_similarity(member_sets[:, :n], min(learned_rank, n - 1))
        held = np.asarray((member_sets[:, :n] > 0).sum(axis=0)).ravel().astype(float)
        support = np.minimum(1.0, np.minimum(held[:, None], held[None, :]) / 8.0)
        learned = similarity * 0.7 * support
        learned[s == o] = 0.0
        level = np.where(learned > level, learned, level)
    level[level < 0.2] = 0.0
    return level


class Community:
    """A community as column arrays, and who-can-help over them."""

    def __init__(self, community: dict, taxonomy: dict, learned_rank: int = 24, default_travel_km: float = 3.0,
                 overload_hours: float = 20.0, overload_window_days: int = 28):
        members = community["members"]
        self.overload_hours = overload_hours
        vocabulary = Vocabulary(taxonomy)
        for m in members:
            for t in m.get("offers", []) + m.get("interests", []) + m.get("needs", []) + m.get("experiences", []):
                vocabulary.intern(t)
        for a in community.get("activities", []):
            for t in a.get("topics", []):
                vocabulary.intern(t)
        self.vocabulary = vocabulary
        count = len(members)
        self.count = count

        self.ids = np.array([m["id"] for m in members])
        self.row = {m["id"]: i for i, m in enumerate(members)}
        self.id_rank = np.empty(count, dtype=np.int64)
        self.id_rank[np.argsort(self.ids, kind="stable")] = np.arange(count)

        def flag(name, default=False):
            return np.array([bool(m.get(name, default)) for m in members])

        self.active = flag("active", True)
        self.dbs = flag("dbsChecked")
        self.home_visits = flag("homeVisits")
        self.housebound = flag("housebound")
        self.has_location = np.array(["location" in m for m in members])
        self.lat = np.radians([m["location"]["lat"] if "location" in m else 0.0 for m in members])
        self.lon = np.radians([m["location"]["lon"] if "location" in m else 0.0 for m in members])
        self.travel_km = np.array([float(m["travelKm"]) if m.get("travelKm") is not None else default_travel_km for m in members])
        self.has_availability = np.array([bool(m.get("availability")) for m in members])
        # 11 × members, so that the overlap of many members is a sum down the columns.
        weeks = np.array([week_bits(m.get("availability", [])) for m in members]).reshape(count, QUARTERS)
        self.availability = np.ascontiguousarray(pack_words(weeks).T)
        goals = [m.get("wellbeing") for m in members]
        self.has_wellbeing = np.array([g is not None for g in goals])
        give = np.array([g.get("give", 0.0) if g else 0.0 for g in goals])
        connect = np.array([g.get("connect", 0.0) if g else 0.0 for g in goals])
        self.wellbeing = np.where(self.has_wellbeing, 0.7 * give + 0.3 * connect, 0.5)

        # Offers as a (most offers) × members table of term indices, padded with a term that
        # serves nothing (index `vocabulary.count`), so every member's best level is one gather
        # and a max down the columns; lived experiences as a sparse column per term.
        offers = [vocabulary.terms(m.get("offers", [])) for m in members]
        self.offers = np.full((max((len(o) for o in offers), default=0) or 1, count), vocabulary.count, dtype=np.int32)
        for i, o in enumerate(offers):
            self.offers[: len(o), i] = o
        self.experiences = csr([vocabulary.terms(m.get("experiences", [])) for m in members], vocabulary.count).tocsc()
        held = csr([sorted(set(vocabulary.terms(m.get("offers", []))) | set(vocabulary.terms(m.get("interests", []))))
                    for m in members], vocabulary.count)
        self.related = relatedness(vocabulary, held, learned_rank)

        # Safeguarding: an avoid on either side excludes the pair.
        pairs = [(i, self.row[o]) for i, m in enumerate(members) for o in m.get("avoid", []) if o in self.row]
        if pairs:
            a, b = np.array(pairs).T
            self.avoid = sp.csr_matrix((np.ones(2 * len(a), dtype=bool), (np.r_[a, b], np.r_[b, a])), shape=(count, count))
        else:
            self.avoid = sp.csr_matrix((count, count), dtype=bool)

        # The time ledger: balance, recent hours and decayed load, as of the reference date.
        exchanges = [x for x in community.get("exchanges", []) if x["giver"] in self.row and x["receiver"] in self.row]
        dates = [x["date"] for x in community.get("exchanges", []) if x.get("date")]
        dates += [a["date"] for a in community.get("attendance", []) if a.get("date")]
        today = max(day_number(d) for d in dates) if dates else _dt.date(2026, 1, 1).toordinal()
        giver = np.array([self.row[x["giver"]] for x in exchanges], dtype=np.int64)
        receiver = np.array([self.row[x["receiver"]] for x in exchanges], dtype=np.int64)
        hours = np.array([float(x["hours"]) for x in exchanges])
        age = np.array([today - day_number(x["date"]) if x.get("date") else -1 for x in exchanges], dtype=float)
        dated = np.array([bool(x.get("date")) for x in exchanges], dtype=bool) & (age >= 0)
        balance = np.bincount(giver, hours, count) - np.bincount(receiver, hours, count)
        recent = dated & (age < overload_window_days)
        self.recent_hours = np.bincount(giver[recent], hours[recent], count)
        load = np.bincount(giver[dated], hours[dated] * np.exp(-age[dated] / 30.0), count)
        need_to_give = 1.0 / (1.0 + np.exp(balance / 4.0))
        load_spread = 1.0 / (1.0 + load / 6.0)
        self.reciprocity = 0.5 * need_to_give + 0.5 * load_spread

    def who_can_help(self, request: dict, limit: int = 10, weights: dict | None = None) -> list[tuple[str, float]]:
        """The top `limit` members who can help, as (id, score), best first; equal scores by id."""
        w = weights or BROKER
        if w["bridging"] != 0:
            raise ValueError("the numpy baseline has no bridging model: use a bridging weight of 0")
        v = self.vocabulary
        r = self.row[request["requester"]] if request.get("requester") else None

        # Skill: the best level among each member's offers; lived experience counts 1.
        level = np.zeros(v.count + 1)  # the last entry is the padding term
        wanted = v.index.get(normalise(request["skill"]))
        experience = -1
        if wanted is not None and wanted < v.n:
            level[: v.n] = self.related[wanted]
            experience = v.experience[wanted]
        elif wanted is not None:
            level[wanted] = 1.0
        skill = level[self.offers].max(axis=0)
        if experience >= 0:
            e = self.experiences
            skill[e.indices[e.indptr[experience] : e.indptr[experience + 1]]] = 1.0
        c = np.flatnonzero(skill > 0)  # the candidates

        # Hard constraints, as masks over the candidates.
        ok = self.active[c].copy()
        if r is not None:
            ok &= c != r
            ok &= ~np.isin(c, self.avoid.indices[self.avoid.indptr[r] : self.avoid.indptr[r + 1]])
        if request.get("requiresDBS"):
            ok &= self.dbs[c]
        if request.get("atHome") or (r is not None and self.housebound[r]):
            ok &= self.home_visits[c]
        if request.get("location"):
            place = (math.radians(request["location"]["lat"]), math.radians(request["location"]["lon"]))
        elif r is not None and self.has_location[r]:
            place = (self.lat[r], self.lon[r])
        else:
            place = None
        located = self.has_location[c] & (place is not None)
        if place is not None:
            lat, lon = self.lat[c], self.lon[c]
            h = np.sin((lat - place[0]) / 2) ** 2 + math.cos(place[0]) * np.cos(lat) * np.sin((lon - place[1]) / 2) ** 2
            km = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
            ok &= ~located | (km <= self.travel_km[c])
        known = self.has_availability[c]
        when = pack_words(week_bits(request.get("when", [])))[0]
        when_minutes = int(np.bitwise_count(when).sum()) * 15
        if when_minutes:
            overlap = np.bitwise_count(self.availability[:, c] & when[:, None]).sum(axis=0) * 15
            ok &= ~known | (overlap > 0)
        ok &= self.recent_hours[c] <= self.overload_hours

        # Factors of the candidates that pass.
        c, known, located = c[ok], known[ok], located[ok]
        if when_minutes:
            availability = np.where(known, np.minimum(1.0, overlap[ok] / when_minutes), 0.3)
        elif r is not None and self.has_availability[r]:
            together = np.bitwise_count(self.availability[:, c] & self.availability[:, r, None]).sum(axis=0) * 15
            availability = np.where(known, np.minimum(1.0, together / 120), 0.5)
        else:
            availability = np.full(len(c), 0.5)
        if place is not None:
            half = km[ok] / 2.0
            locality = np.where(located, 1 / (1 + half * half), 0.5)
        else:
            locality = np.full(len(c), 0.5)
        total = sum(w[f] for f in FACTORS)
        score = (w["skill"] * skill[c] + w["availability"] * availability + w["locality"] * locality
                 + w["wellbeing"] * self.wellbeing[c] + w["bridging"] * 0.5 + w["reciprocity"] * self.reciprocity[c])
        score = np.clip(score / total, 0.0, 1.0)

        # Top `limit`: everything at or above the limit-th best score, then sorted by score and id.
        if len(c) > limit:
            kth = np.partition(score, len(c) - limit)[len(c) - limit]
            keep = score >= kth
            c, score = c[keep], score[keep]
        order = np.lexsort((self.id_rank[c], -score))[:limit]
        return [(str(self.ids[i]), float(s)) for i, s in zip(c[order], score[order])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("community")
    parser.add_argument("requests")
    parser.add_argument("--taxonomy", default=str(Path(__file__).resolve().parents[2] / "data" / "taxonomy.json"))
    parser.add_argument("--learned-rank", type=int, default=24)
    args = parser.parse_args()
    community = Community(json.loads(Path(args.community).read_text()), json.loads(Path(args.taxonomy).read_text()),
                          learned_rank=args.learned_rank)
    weights = dict(BROKER, bridging=0.0)
    for request in json.loads(Path(args.requests).read_text()):
        json.dump([{"id": i, "score": s} for i, s in community.who_can_help(request, weights=weights)], sys.stdout)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
