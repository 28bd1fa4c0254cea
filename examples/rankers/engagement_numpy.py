#!/usr/bin/env python3
"""engagement.py's weighted rule over protocol 2 (candidates as columns) with NumPy: the same
scores, bit for bit, at a fraction of the cost per page (docs/ranker-protocol.md, "Protocol 2";
Benchmarks/RESULTS.md, "External rankers").

Each feature arrives as one list, read into a float32 array (rounding each value to 32 bits, as
engagement.py's f32 does), and each term is one array operation. NumPy's float32 multiply and
add are IEEE single-precision operations, correctly rounded like Swift's Float arithmetic, so the
terms, added in engagement.py's order, give FeedSafe's exact scores. WEIGHTS is
engagement.WEIGHTS: change it (as for_you.py does) to reproduce another weighted feed.
"""
import json
import os
import sys

# One thread per ranker: FeedSafe runs one ranker process per worker thread already, and idle
# BLAS or OpenMP threads spinning would take the cores the engine needs.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
import numpy as np  # noqa: E402

import engagement

PROTOCOL = 2
# The same dict as engagement.WEIGHTS: a script that changes the weights changes its entries in
# place (engagement.WEIGHTS["popularity"] = …), as for_you.py does.
WEIGHTS = engagement.WEIGHTS


def scores(request):
    """The weighted score of every candidate of `request`, as float32, in candidate order."""
    columns = request["candidates"]
    if not columns["item"]:
        return np.zeros(0, dtype=np.float32)
    weight = {name: np.float32(value) for name, value in WEIGHTS.items()}
    zero = np.float32(0)
    profiled = "profile" in request["person"]
    has_context = request["session"]["last_item"] is not None

    def feature(name):
        return np.array(columns[name], dtype=np.float32)

    w_affinity = weight["affinity"] if profiled else zero
    w_predicted = weight["predicted_engagement"] if profiled else zero
    w_watch = weight["predicted_watch"] if profiled else zero
    w_context = weight["context"] if has_context else zero
    s = np.zeros(len(columns["item"]), dtype=np.float32)
    if w_affinity > 0:
        s = s + w_affinity * feature("affinity")
    if w_predicted > 0 or w_watch > 0:
        watch = w_watch * feature("predicted_watch")
        engaged = w_predicted * feature("predicted_engagement")
        s = s + (watch + engaged)
    inverse = np.float32(request["session"]["inverse_max_popularity"])
    s = s + (weight["popularity"] * feature("popularity")) * inverse
    if weight["freshness"] > 0:
        s = s + weight["freshness"] * feature("freshness")
    s = s + weight["appeal"] * feature("appeal")
    if weight["declared_interest"] > 0:
        s = s + weight["declared_interest"] * feature("declared_interest")
    if w_context > 0:
        s = s + w_context * feature("context")
    return s


def main():
    for line in sys.stdin:
        message = json.loads(line)
        if message["type"] == "hello":
            reply = {"type": "hello", "protocol": PROTOCOL, "name": "engagement (NumPy example)"}
        else:
            # float32 → Python float is exact and repr round-trips: FeedSafe reads the same float.
            reply = {"id": message["id"], "scores": scores(message).tolist()}
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
