public import StitchModel

/// The people of the field scenarios (Bee, Vera, Kathy, Pete…) with the distractors around them.
public enum ScenarioCast {
    /// The cast as a community: members, activities, exchanges and attendance.
    public static var community: Community { Community() }
}
