// StitchImport: readers that turn published open data (OpenActive feeds, …) into Stitch activities.
