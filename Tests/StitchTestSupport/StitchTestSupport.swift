// StitchTestSupport: fixtures and helpers shared by Stitch's test targets.
