#!/usr/bin/env python3
"""The built-in `engagement` feed's scoring rule as an external ranker (docs/ranker-protocol.md).

It reproduces FeedSafe's weighted rule bit for bit: every value read is rounded to a 32-bit float
(FeedSafe sends each Float in its shortest form, which reads back exactly), every product and sum
is rounded to 32 bits as Swift's Float arithmetic is (a sum or product of two floats computed in
64 bits and rounded once is the correctly rounded 32-bit result), and the terms are added in the
order Worker+Scoring.swift adds them. Change WEIGHTS to reproduce another weighted feed.
"""
import json
import struct
import sys

PROTOCOL = 1
_FLOAT = struct.Struct("f")


def f32(x):
    """x rounded to the nearest 32-bit float."""
    return _FLOAT.unpack(_FLOAT.pack(x))[0]


# The engagement preset (Sources/FeedSafeCore/Feed/FeedPreset.swift), as 32-bit floats.
WEIGHTS = {
    "affinity": f32(0),
    "predicted_engagement": f32(0.5),
    "popularity": f32(0.3),
    "freshness": f32(0.1),
    "appeal": f32(0),
    "declared_interest": f32(0),
    "context": f32(0),
    "predicted_watch": f32(1),
}


def score(candidate, profiled, has_context, inverse_popularity):
    """The weighted score of one candidate, term by term in FeedSafe's order."""
    w_affinity = WEIGHTS["affinity"] if profiled else 0.0
    w_predicted = WEIGHTS["predicted_engagement"] if profiled else 0.0
    w_watch = WEIGHTS["predicted_watch"] if profiled else 0.0
    w_context = WEIGHTS["context"] if has_context else 0.0
    s = 0.0
    if w_affinity > 0:
        s = f32(s + f32(w_affinity * f32(candidate["affinity"])))
    if w_predicted > 0 or w_watch > 0:
        watch = f32(w_watch * f32(candidate["predicted_watch"]))
        engagement = f32(w_predicted * f32(candidate["predicted_engagement"]))
        s = f32(s + f32(watch + engagement))
    popularity = f32(f32(WEIGHTS["popularity"] * f32(candidate["popularity"])) * inverse_popularity)
    s = f32(s + popularity)
    if WEIGHTS["freshness"] > 0:
        s = f32(s + f32(WEIGHTS["freshness"] * f32(candidate["freshness"])))
    s = f32(s + f32(WEIGHTS["appeal"] * f32(candidate["appeal"])))
    if WEIGHTS["declared_interest"] > 0:
        s = f32(s + f32(WEIGHTS["declared_interest"] * f32(candidate["declared_interest"])))
    if w_context > 0:
        s = f32(s + f32(w_context * f32(candidate["context"])))
    return s


def answer(request):
    profiled = "profile" in request["person"]
    has_context = request["session"]["last_item"] is not None
    inverse = f32(request["session"]["inverse_max_popularity"])
    scores = [
        [c["item"], score(c, profiled, has_context, inverse)] for c in request["candidates"]
    ]
    return {"id": request["id"], "scores": scores}


def main(answer=answer):
    for line in sys.stdin:
        message = json.loads(line)
        if message["type"] == "hello":
            reply = {"type": "hello", "protocol": PROTOCOL, "name": "engagement (example)"}
        else:
            reply = answer(message)
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
