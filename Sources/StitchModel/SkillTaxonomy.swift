/// A taxonomy of skills, interests and topics, with synonyms, as a time bank lists them.
///
/// Each entry has an id (`gardening`), a label, an optional parent (`outdoors`), synonyms
/// (`allotment`, `digging`) and, for peer support, the lived experience it draws on
/// (`peer-support-diabetes` → `diabetes`). Free text that matches no id or synonym is kept
/// as its normalised self and matches only itself.
///
/// File shape (`data/taxonomy.json`):
/// ```json
/// {"skills": [{"id": "gardening", "label": "Gardening", "parent": "outdoors",
///              "synonyms": ["allotment", "digging"], "experience": null}]}
/// ```
public struct SkillTaxonomy: Sendable, Hashable, Codable {
    /// One node of the taxonomy.
    public struct Entry: Sendable, Hashable, Codable {
        public var id: String
        public var label: String
        public var parent: String?
        public var synonyms: [String]
        /// For peer support: the lived experience (an `experiences` term) it draws on.
        public var experience: String?

        public init(id: String, label: String, parent: String? = nil, synonyms: [String] = [], experience: String? = nil) {
            self.id = id
            self.label = label
            self.parent = parent
            self.synonyms = synonyms
            self.experience = experience
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case id, label, parent, synonyms, experience }

        /// The keys of its JSON object, by its coding keys: any other key is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            id = try c.decodeIdentifier(forKey: .id)
            label = try c.decodeIfPresent(String.self, forKey: .label) ?? id
            parent = try c.decodeIfPresent(String.self, forKey: .parent)
            synonyms = try c.decode([String].self, forKey: .synonyms, default: [])
            experience = try c.decodeIfPresent(String.self, forKey: .experience)
        }
    }

    public var skills: [Entry]

    public init(skills: [Entry]) { self.skills = skills }

    private enum CodingKeys: String, CodingKey, CaseIterable { case skills }

    /// The keys of a taxonomy file's object: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        skills = try c.decode([Entry].self, forKey: .skills)
    }

    /// Lower-cases, trims and folds spaces, underscores and hyphens to single hyphens, so that
    /// "Lift to Hospital", "lift_to_hospital" and "lift-to-hospital" are one term.
    public static func normalise(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for ch in text.lowercased() {
            if ch == " " || ch == "_" || ch == "-" || ch == "\t" || ch == "\n" {
                pendingHyphen = !out.isEmpty
            } else {
                if pendingHyphen { out.append("-") }
                pendingHyphen = false
                out.append(ch)
            }
        }
        return out
    }

    /// Checks that ids are unique, parents exist, the parent chain has no cycle and no synonym
    /// names two entries.
    public func validationErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        var ids: [String: Int] = [:]
        for (i, entry) in skills.enumerated() {
            let key = Self.normalise(entry.id)
            if ids[key] != nil {
                errors.append(.init(field: "skills[\(i)].id", reason: "duplicate skill id '\(entry.id)'"))
            }
            ids[key] = i
        }
        var names: [String: String] = [:]
        for (i, entry) in skills.enumerated() {
            if let parent = entry.parent, ids[Self.normalise(parent)] == nil {
                errors.append(.init(field: "skills[\(i)].parent", reason: "unknown skill id '\(parent)'"))
            }
            for (j, synonym) in entry.synonyms.enumerated() {
                let key = Self.normalise(synonym)
                if let owner = ids[key].map({ skills[$0].id }), owner != entry.id {
                    errors.append(.init(field: "skills[\(i)].synonyms[\(j)]", reason: "'\(synonym)' is already the id of '\(owner)'"))
                } else if let owner = names[key], owner != entry.id {
                    errors.append(.init(field: "skills[\(i)].synonyms[\(j)]", reason: "'\(synonym)' is already a synonym of '\(owner)'"))
                }
                names[key] = entry.id
            }
        }
        for (i, entry) in skills.enumerated() {
            var seen: Set<String> = [Self.normalise(entry.id)]
            var next = entry.parent.map(Self.normalise)
            while let p = next, let index = ids[p] {
                if !seen.insert(p).inserted {
                    errors.append(.init(field: "skills[\(i)].parent", reason: "the parent chain of '\(entry.id)' has a cycle"))
                    break
                }
                next = skills[index].parent.map(Self.normalise)
            }
        }
        return errors
    }
}
