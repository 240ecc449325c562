// StitchPlanning: a globally best allocation of many referrals to scarce places, with buddies and fairness.
//
// - `Allocator` answers a `PlanRequest` (`plan.allocate`) with a `PlanResult`, using the engine's
//   feasible placements and places left.
// - `AssignmentSolver` solves the abstract `CandidateGraph` exactly (a minimum-cost flow by
//   successive shortest paths), returning an `Allocation`.
// - The model, the algorithm and measured times: docs/planning.md.
