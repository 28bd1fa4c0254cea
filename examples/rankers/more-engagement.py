#!/usr/bin/env python3
"""A candidate change to examples/rankers/for_you.py that a regression gate should stop: it
ranks harder on predicted engagement and popularity (weights 3.0 and 1.0 instead of 1.0
and 0.3), which pulls in what audiences engage with most, harmful content included."""
import for_you  # noqa: F401  (sets the production weights)
import engagement
import engagement_numpy

engagement.WEIGHTS["predicted_engagement"] = engagement.f32(3.0)
engagement.WEIGHTS["popularity"] = engagement.f32(1.0)

if __name__ == "__main__":
    engagement_numpy.main()
