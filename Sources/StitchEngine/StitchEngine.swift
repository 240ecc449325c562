// StitchEngine: the scoring core. It ranks helpers for requests, chances to give for members and
// activities (each with a buddy) for referrals, through one pipeline of hard constraints and
// explained factors. It imports no I/O: adapters (CLI, daemon, store) feed it values.
