// StitchGenerator: seeded, realistic communities (members, activities, exchanges, attendance)
// for the bundled demo and for benchmarks at any size.
