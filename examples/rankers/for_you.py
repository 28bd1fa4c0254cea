#!/usr/bin/env python3
"""The regression example's production "for you" feed (scenarios/regression/feeds/current.yaml)
as an external ranker: engagement.py's rule with that feed's weights, scored over protocol 2
with NumPy (engagement_numpy.py)."""
import engagement
import engagement_numpy

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
    engagement_numpy.main()
