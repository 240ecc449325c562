public import StitchEngine
import StitchModel

extension PlanRequest {
    /// Checks every value of the request, in field order.
    ///
    /// Unknown member ids are not checked here: the engine reports them (as
    /// ``QueryError/unknownMember(field:id:)`` at `referrals[i].person`) when the allocation
    /// looks a referral up.
    ///
    /// - Throws: ``QueryError/invalid(field:reason:)`` naming the first bad field, for example
    ///   `referrals: must not be empty`, `referrals[3].id: duplicate referral id 'r-1'` or
    ///   `topK: must be between 1 and 1000`.
    public func validate() throws(QueryError) {
        guard !self.referrals.isEmpty else { throw .invalid(field: "referrals", reason: "must not be empty") }
        guard self.referrals.count <= Self.maximumReferrals else {
            throw .invalid(field: "referrals", reason: "at most \(Self.maximumReferrals) referrals in one plan")
        }
        var ids: [String: Int] = [:]
        var people: [String: Int] = [:]
        for (i, referral) in self.referrals.enumerated() {
            guard let id = referral.id else {
                throw .invalid(field: "referrals[\(i)].id", reason: "is required: a plan names each referral by its id")
            }
            guard !id.allSatisfy(\.isWhitespace) else {
                throw .invalid(field: "referrals[\(i)].id", reason: "must not be empty")
            }
            if let first = ids.updateValue(i, forKey: id) {
                throw .invalid(
                    field: "referrals[\(i)].id", reason: "duplicate referral id '\(id)' (also referrals[\(first)])")
            }
            let person = referral.person.id
            if let first = people.updateValue(i, forKey: person) {
                throw .invalid(
                    field: "referrals[\(i)].person",
                    reason:
                        "'\(person)' is already referred in referrals[\(first)]; use maxPerPerson for more than one place"
                )
            }
        }
        guard (1...Self.maximumPerPerson).contains(self.maxPerPerson) else {
            throw .invalid(field: "maxPerPerson", reason: "must be between 1 and \(Self.maximumPerPerson)")
        }
        guard (1...Engine.maximumLimit).contains(self.topK) else {
            throw .invalid(field: "topK", reason: "must be between 1 and \(Engine.maximumLimit)")
        }
        guard self.buddyLimitPerWeek >= 0 else {
            throw .invalid(field: "buddyLimitPerWeek", reason: "\(self.buddyLimitPerWeek) must not be negative")
        }
        if let share = self.maxSharePerPractice, !(share.isFinite && share > 0 && share <= 1) {
            throw .invalid(field: "maxSharePerPractice", reason: "must be above 0 and at most 1")
        }
    }
}
