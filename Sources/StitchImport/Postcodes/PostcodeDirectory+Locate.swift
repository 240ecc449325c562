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

    /// Gives a record that has a postcode and no location the postcode's location; the problem
    /// when the file cannot place the postcode (the record keeps its location unknown), else `nil`.
    public func locate<Record: PostcodeLocated>(_ record: inout Record) -> ValidationError? {
        guard record.location == nil, let postcode = record.postcode else { return nil }
        switch locate(postcode) {
        case .success(let location):
            record.location = location
            return nil
        case .failure(let problem):
            return problem
        }
    }
}

/// A record that may give a postcode in place of a location: a member or an activity.
public protocol PostcodeLocated {
    var location: Location? { get set }
    var postcode: Postcode? { get }
}

extension Member: PostcodeLocated {}
extension Activity: PostcodeLocated {}
