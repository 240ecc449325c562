// StitchImport: readers that turn published open data (OpenActive feeds, …) into Stitch activities.
//
// The readers are adapters around the pure model: they take bytes, never open files or sockets
// themselves, report every bad record as an `ImportIssue` and keep the good ones.
