import Foundation
import MCP
import StitchApplication
import StitchMCP
import StitchTestSupport

/// Arguments for each tool on the bundled community (those of docs/protocol.md's examples), and
/// what tests need to read a tool's answer.
enum ToolExamples {
    /// Valid arguments for `tool`.
    static func arguments(_ tool: StitchTool) -> [String: Value] {
        switch tool {
        case .whoCanHelp:
            return [
                "request": [
                    "requester": "m-arthur", "skill": "accompany to hospital",
                    "when": [["day": "tue", "start": "10:00", "end": "12:00"]],
                ],
                "limit": 2,
            ]
        case .whereCanGive:
            return ["member": "m-june", "limit": 3]
        case .referActivities:
            return [
                "referral": [
                    "id": "r-1", "person": "m-maud",
                    "goals": ["connect": 1, "keepLearning": 0.6, "takeNotice": 0.3, "give": 0.5],
                    "referrer": "gp",
                ],
                "limit": 2, "withBuddy": true,
            ]
        case .explainMatch:
            return ["subject": "m-kathy", "candidate": "a-art-upstairs"]
        case .planAllocate:
            return [
                "referrals": [
                    ["id": "r-1", "person": "m-maud", "referrer": "gp-downham"],
                    ["id": "r-2", "person": "m-kathy", "referrer": "gp-honor-oak"],
                    [
                        "id": "r-3",
                        "person": ["id": "p-17", "location": ["lat": 51.44, "lon": -0.02], "housebound": true],
                    ],
                ],
                "maxPerPerson": 1,
            ]
        case .serverHealth:
            return [:]
        }
    }

    /// The texts of a result's content.
    static func texts(_ content: [Tool.Content]) -> [String] {
        content.compactMap {
            if case .text(let text, _, _) = $0 { return text }
            return nil
        }
    }

    /// A JSON text as an object, to read fields of.
    static func object(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    /// JSON re-written with sorted keys, so two answers compare by value.
    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }
}
