#!/usr/bin/env python3
"""A neutral candidate change to examples/rankers/for_you.py: a small freshness tweak (0.12
instead of 0.1), which a regression gate should let through."""
import for_you  # noqa: F401  (sets the production weights)
import engagement
import engagement_numpy

engagement.WEIGHTS["freshness"] = engagement.f32(0.12)

if __name__ == "__main__":
    engagement_numpy.main()
