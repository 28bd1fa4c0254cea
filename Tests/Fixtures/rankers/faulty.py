#!/usr/bin/env python3
"""A ranker that shakes hands, then breaks the protocol on its first page in the way argv[1]
names: crash, hang, malformed, unknown_id, non_finite, impure (a different score each time),
short_columns (protocol 2, one score too few) or protocol_3 (a version FeedSafe does not speak)."""
import json
import sys
import time

mode = sys.argv[1]
calls = 0
for line in sys.stdin:
    message = json.loads(line)
    if message["type"] == "hello":
        version = {"short_columns": 2, "protocol_3": 3}.get(mode, 1)
        print(json.dumps({"type": "hello", "protocol": version}), flush=True)
        continue
    calls += 1
    if mode == "short_columns":
        scores = [1.0 for _ in message["candidates"]["item"]][1:]
        print(json.dumps({"id": message["id"], "scores": scores}), flush=True)
        continue
    items = [c["item"] for c in message["candidates"]]
    scores = [[item, 1.0] for item in items]
    if mode == "crash":
        sys.stderr.write("faulty ranker: giving up\n")
        sys.exit(4)
    if mode == "hang":
        time.sleep(60)
    if mode == "malformed":
        print('{"id": "' + message["id"] + '", "scores": [[1, 0.5]', flush=True)
        continue
    if mode == "unknown_id":
        scores[0][0] = 999999999
    if mode == "non_finite":
        scores[0][1] = float("nan")
    if mode == "impure":
        scores[0][1] = float(calls)
    print(json.dumps({"id": message["id"], "scores": scores}), flush=True)
