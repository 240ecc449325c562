public import StitchModel

extension PostcodeDirectory {
    /// The postcodes of the members and activities that give one and no location.
    public static func wanted(members: [Member], activities: [Activity]) -> Set<Postcode> {
        Set(members.filter { $0.location == nil }.compactMap(\.postcode))
            .union(activities.filter { $0.location == nil }.compactMap(\.postcode))
    }

    /// The location a record's postcode gives, or why it gives none (the record keeps its
    /// location unknown).
    public func locate(_ postcode: Postcode) -> Result<Location, ValidationError> {
        switch entries[postcode] {
        case .located(let location)?:
            return .success(location)
        case .unplaced?:
            return .failure(
                ValidationError(
                    field: "postcode",
                    reason: "'\(postcode)' has no coordinates in \(name); the location is left unknown"))
        case nil:
            return .failure(
                ValidationError(
                    field: "postcode",
                    reason: "'\(postcode)' is not in \(name) (a new, mistyped or ended postcode?); "
                        + "the location is left unknown"))
        }
    }

    /// Gives each member and activity of a source that has a postcode and no location the
    /// postcode's location; a postcode the file cannot place is an issue of its record, which is
    /// kept with its location unknown.
    public func locate(_ source: inout SourceImport) {
        for i in source.members.indices {
            guard source.members[i].value.location == nil, let postcode = source.members[i].value.postcode else {
                continue
            }
            switch locate(postcode) {
            case .success(let location): source.members[i].value.location = location
            case .failure(let problem): source.issues.append(issue(problem, of: source.members[i], in: source.list))
            }
        }
        for i in source.activities.indices {
            guard source.activities[i].value.location == nil, let postcode = source.activities[i].value.postcode
            else { continue }
            switch locate(postcode) {
            case .success(let location): source.activities[i].value.location = location
            case .failure(let problem): source.issues.append(issue(problem, of: source.activities[i], in: source.list))
            }
        }
        source.issues.sort { ($0.index ?? 0) < ($1.index ?? 0) }
    }

    /// The same for a whole community: the problems come back with their paths
    /// (`members[3].postcode`), each record kept with its location unknown.
    public func locate(_ community: inout Community) -> [ValidationError] {
        var notes: [ValidationError] = []
        for i in community.members.indices {
            guard community.members[i].location == nil, let postcode = community.members[i].postcode else { continue }
            switch locate(postcode) {
            case .success(let location): community.members[i].location = location
            case .failure(let problem): notes.append(problem.inside("members[\(i)]"))
            }
        }
        for i in community.activities.indices {
            guard community.activities[i].location == nil, let postcode = community.activities[i].postcode else {
                continue
            }
            switch locate(postcode) {
            case .success(let location): community.activities[i].location = location
            case .failure(let problem): notes.append(problem.inside("activities[\(i)]"))
            }
        }
        return notes
    }

    private func issue<T: Identifiable>(_ problem: ValidationError, of record: ImportedRecord<T>, in list: String)
        -> ImportIssue where T.ID == String
    {
        ImportIssue(
            list: list, index: record.index, id: record.value.id, field: problem.field, reason: problem.reason,
            recordSkipped: false)
    }
}
