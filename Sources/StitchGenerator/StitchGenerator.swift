// StitchGenerator: seeded, realistic communities (members, activities, exchanges, attendance)
// for the bundled demo and for benchmarks at any size.
//
// Everything here is a pure function of a seed: the generator has its own random number
// generator and uses only exact arithmetic (+, -, *, /, square root) on values that reach the
// output, so the same seed gives byte-identical communities on every machine.
