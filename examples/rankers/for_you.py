#!/usr/bin/env python3
"""The regression example's production "for you" feed (scenarios/regression/feeds/current.yaml)
as an external ranker: engagement.py with that feed's weights."""
import engagement

engagement.WEIGHTS.update(
    {
        "affinity": engagement.f32(0.5),
        "predicted_engagement": engagement.f32(1.0),
        "popularity": engagement.f32(0.3),
        "freshness": engagement.f32(0.1),
        "predicted_watch": engagement.f32(0),
    }
)

if __name__ == "__main__":
    engagement.main()
