"""schemathesis hooks for the HTTP contract test (HTTPContractTests.swift): the rules of Stitch's
input that no JSON Schema states, applied to the requests schemathesis generates as valid.

A request the schema calls valid must then be accepted (`positive_data_acceptance`): Stitch
refuses a valid-looking request only for a rule stated in the schema's descriptions (and in
docs/protocol.md, "Validation"), and these are those rules. Requests generated as invalid are left
as they are. Each rule below names the description that states it.
"""

import datetime
import re
from urllib.parse import unquote

import schemathesis

# Keys whose strings are ids: at most 128 bytes of UTF-8 (the schemas count characters).
ID_KEYS = {
    "id", "giver", "receiver", "member", "activity", "subject", "candidate", "requester", "person", "avoid", "from", "to",
    "paidBy", "accounts",
}
ID_BYTES = 128
TEXT_BYTES = 4096
# The community file the daemon under test may load (`--allow-load-path`).
LOADABLE_FILE = "community.json"


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def minutes(time):
    hours, mins = time.split(":")
    return int(hours) * 60 + int(mins)


def within_bytes(value, key):
    """Ids and texts at most their bounds in bytes of UTF-8 (the schemas' `maxLength` counts characters)."""
    bound = ID_BYTES if key in ID_KEYS else TEXT_BYTES
    return value if len(value.encode("utf-8")) <= bound else "x"


def short_path_ids(parameters):
    """Path ids within their bound in bytes; schemathesis holds them percent-encoded."""
    return {k: v if len(unquote(v).encode("utf-8")) <= ID_BYTES else "x" for k, v in parameters.items()}


INTERVAL = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})([Tt])([0-9:]+)/[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt]([0-9:]+)$")


def one_day(value):
    """DatedInterval: both ends on the same day (the first's), the end after the start."""
    match = INTERVAL.match(value)
    if not match:
        return value
    day, t, start, end = match.groups()
    try:
        datetime.date.fromisoformat(day)
    except ValueError:
        day = "2026-12-15"
    if minutes(end) < minutes(start):
        start, end = end, start
    elif minutes(end) == minutes(start):
        start, end = "00:00", "24:00"
    return f"{day}{t}{start}/{day}{t}{end}"


def ordered(value, key=None):
    """Slot and DatedSlot: `end` after `start`; DatedInterval: one day, end after start;
    AwayPeriod: `to` not before `from`. Activity: `enrolled` at most `capacity`, `ageMax` not below
    `ageMin`. Member: `avoid` names only known members (so none here). Every id and text within
    its bound in bytes."""
    if isinstance(value, list):
        return [ordered(item, key) for item in value]
    if isinstance(value, str):
        return within_bytes(one_day(value), key)
    if not isinstance(value, dict):
        return value
    value = {k: ordered(v, k) for k, v in value.items()}
    if {"from", "to"} <= value.keys() and all(isinstance(value[k], str) for k in ("from", "to")) and value["to"] < value["from"]:
        value["from"], value["to"] = value["to"], value["from"]
    if ({"day", "start", "end"} <= value.keys() or {"date", "start", "end"} <= value.keys()) and all(isinstance(value[k], str) for k in ("start", "end")):
        start, end = minutes(value["start"]), minutes(value["end"])
        if end < start:
            value["start"], value["end"] = value["end"], value["start"]
        elif end == start:
            value["start"], value["end"] = "00:00", "24:00"
    for low, high in (("enrolled", "capacity"), ("ageMin", "ageMax")):
        if is_number(value.get(low)) and is_number(value.get(high)) and value[low] > value[high]:
            value[low], value[high] = value[high], value[low]
    if value.get("avoid"):
        value["avoid"] = []
    return value


def distinct(first, second):
    """Exchange: the giver is not the receiver. Outcome: the candidate is not the subject."""
    return second if second != first else ("r" if first != "r" else "s")


def planned(body):
    """Plan: unique referral ids, and each person referred once."""
    referrals = body.get("referrals")
    if not isinstance(referrals, list):
        return body
    for i, referral in enumerate(referrals):
        if isinstance(referral, dict):
            referral["id"] = f"r-{i}"
            person = referral.get("person")
            if isinstance(person, dict):
                person["id"] = f"p-{i}"
            else:
                referral["person"] = f"p-{i}"
    return body


def consistent(body):
    """Community: unique ids, and exchanges and attendance naming its own members and activities;
    a path names the one loadable file."""
    if not isinstance(body.get("community"), dict):
        body["path"] = LOADABLE_FILE
        return body
    community = body["community"]
    for key, prefix in (("members", "m"), ("activities", "a")):
        for i, record in enumerate(community.get(key) or []):
            record["id"] = f"{prefix}-{i}"
    members = [m["id"] for m in community.get("members") or []]
    activities = [a["id"] for a in community.get("activities") or []]
    exchanges = community.get("exchanges") or []
    for i, exchange in enumerate(exchanges):
        exchange["id"] = None if exchange.get("id") is None else f"x-{i}"
    if exchanges and len(members) >= 2:
        for exchange in exchanges:
            exchange["giver"], exchange["receiver"] = members[0], members[1]
    elif exchanges:
        community["exchanges"] = []
    if community.get("attendance") and members and activities:
        for attendance in community["attendance"]:
            attendance["member"], attendance["activity"] = members[0], activities[0]
    elif community.get("attendance"):
        community["attendance"] = []
    # The ledger: accounts with ids of their own, no entries (each names known accounts in roles
    # that fit its kind, docs/ledger.md).
    for i, account in enumerate(community.get("accounts") or []):
        account["id"] = f"acct-{i}"
    if community.get("ledger"):
        community["ledger"] = []
    # Pairings (Pairing, Community): two known members, the helper not the person, one pairing per
    # person and kind, and a review not before the start (days given, so none is taken from today).
    pairings = community.get("pairings") or []
    if pairings and len(members) >= 2:
        for i, pairing in enumerate(pairings):
            pairing["person"], pairing["helper"], pairing["kind"] = members[0], members[1], f"kind-{i}"
            start, review = pairing.get("start"), pairing.get("review")
            start, review = start or review or "2026-10-01", review or start or "2026-10-01"
            pairing["start"], pairing["review"] = min(start, review), max(start, review)
    elif pairings:
        community["pairings"] = []
    return body


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return case
    if any(component.mode.is_negative for component in meta.components.values()):
        return case  # a part generated as invalid (the stateful phase mixes them)
    if case.path_parameters:
        case.path_parameters = short_path_ids(case.path_parameters)
    if not isinstance(case.body, dict):
        return case
    body = ordered(case.body)
    label = case.operation.label
    if label in ("PUT /members/{id}", "PUT /activities/{id}"):
        # The body's id is the one in the path (the operation's description), which schemathesis
        # holds percent-encoded.
        body["id"] = unquote(case.path_parameters["id"])
    elif label == "POST /exchanges":
        body["receiver"] = distinct(body["giver"], body["receiver"])
    elif label == "POST /outcomes":
        body["candidate"] = distinct(body["subject"], body["candidate"])
    elif label == "POST /match/dismiss":
        # Dismissal: the candidate is not the subject, and `until` is not before `date` (its description).
        body["candidate"] = distinct(body["subject"], body["candidate"])
        if body.get("date") and body.get("until") and body["until"] < body["date"]:
            body["date"], body["until"] = body["until"], body["date"]
        elif body.get("until") and not body.get("date"):
            body["date"] = body["until"]
    elif label == "POST /match/ask":
        # Ask: the candidate is not the subject (its description).
        body["candidate"] = distinct(body["subject"], body["candidate"])
    elif label == "POST /pairing/start":
        # Pairing: the helper is not the person, the kind is not blank, and `review` is not before
        # `start` (today when absent) (its description).
        body["helper"] = distinct(body["person"], body["helper"])
        if not str(body.get("kind", "")).strip():
            body["kind"] = "shopping"
        if body.get("start") and body.get("review") and body["review"] < body["start"]:
            body["start"], body["review"] = body["review"], body["start"]
        elif body.get("review") and not body.get("start"):
            body["start"] = body["review"]
    elif label == "POST /match/explain" and body.get("activity") is not None:
        # Explaining a member as a buddy: `activity` comes without `skill` or `support` (its description).
        body["skill"] = None
        body["support"] = None
    elif label == "POST /network/analyse" and isinstance(body.get("pictures"), dict) and body["pictures"].get("communities"):
        # Pictures of communities the analysis finds (NetworkParams' description): the demo's first.
        body["pictures"]["communities"] = [0]
    elif label == "POST /plan/allocate":
        body = planned(body)
    elif label == "PUT /community":
        body = consistent(body)
    elif label == "POST /ledger/accounts" and isinstance(body.get("id"), str):
        # An account's id is no member's (LedgerAccount's description): a prefix the members
        # generated for PUT /members/{id} never share, so neither is refused for the other.
        body["id"] = "ledger-account-" + body["id"][:100]
    elif label in ("POST /referrals/list", "POST /referrals/report"):
        # `to` is not before `from` (the schemas' descriptions).
        if body.get("from") and body.get("to") and body["to"] < body["from"]:
            body["from"], body["to"] = body["to"], body["from"]
    elif label == "POST /referrals" and isinstance(body.get("referral"), dict):
        # A referral's id must be new (the operation's description); Stitch numbers one without.
        body["referral"]["id"] = None
    case.body = body
    return case


@schemathesis.hook
def filter_failure(context, failure, case, response):
    """Drops one failure schemathesis reports by mistake: "invalid data accepted" for a request
    generated in negative mode in which it changed nothing (it says `Invalid component: positive
    test case`), such as a member's id it had generated before, valid, and that was stored."""
    meta = case.meta
    data = meta.phase.data if meta is not None else None
    unchanged = data is not None and not getattr(data, "mutations", ()) and (data.description or "").startswith("Positive")
    return not (failure.code == "ST201" and unchanged)
