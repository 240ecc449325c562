import Foundation
import MCP
import StitchApplication
import StitchEngine
import StitchMCP
import StitchModel
import StitchPlanning
import StitchTestSupport
import Testing

/// Each tool's `inputSchema` states exactly the keys the application layer's reader takes, and
/// the bounds it states are the reader's.
@Suite("The tools' schemas are the params' real fields")
struct ToolSchemaTests {
    /// The keys the reader takes for an object named by the property holding it (the tool's
    /// params at the top).
    static func keys(at path: [String], tool: StitchTool) -> [String]? {
        guard let last = path.last else {
            switch tool {
            case .whoCanHelp: return MethodParams.Helpers.fieldKeys.names
            case .whereCanGive: return MethodParams.Opportunities.fieldKeys.names
            case .referActivities: return MethodParams.Refer.fieldKeys.names
            case .explainMatch: return ExplainQuery.fieldKeys.names
            case .planAllocate: return PlanRequest.fieldKeys.names
            case .serverHealth: return []
            }
        }
        switch last {
        case "request": return HelpRequest.fieldKeys.names
        case "referral", "referrals[]": return Referral.fieldKeys.names
        case "person", "subject": return Member.fieldKeys.names
        case "when[]", "availability[]": return Slot.fieldKeys.names
        case "away[]": return AwayPeriod.fieldKeys.names
        case "location": return Location.fieldKeys.names
        case "dbs": return DBSCheck.fieldKeys.names
        case "home": return HomeFacts.fieldKeys.names
        case "visitLimits": return VisitLimits.fieldKeys.names
        case "goals", "wellbeing": return WellbeingWay.allCases.map(\.rawValue)
        default: return nil
        }
    }

    /// Every object schema under `schema`, with its path of property names (`[]` for an item).
    static func objects(in schema: Value, path: [String] = []) -> [(path: [String], schema: [String: Value])] {
        guard case .object(let node) = schema else { return [] }
        var found: [(path: [String], schema: [String: Value])] = []
        if node["type"] == "object" { found.append((path, node)) }
        for (name, property) in node["properties"]?.objectValue ?? [:] {
            found += objects(in: property, path: path + [name])
        }
        if let items = node["items"], let last = path.last {
            found += objects(in: items, path: path.dropLast() + [last + "[]"])
        }
        for choice in (node["oneOf"]?.arrayValue ?? []) { found += objects(in: choice, path: path) }
        return found
    }

    @Test(arguments: StitchTool.allCases)
    func everyPropertyIsAKeyTheReaderKnows(tool: StitchTool) throws {
        let objects = Self.objects(in: tool.tool.inputSchema)
        #expect(!objects.isEmpty)
        for (path, object) in objects {
            let properties = Set((object["properties"]?.objectValue ?? [:]).keys)
            // A time may be weekly or on one day: the dated form's own keys.
            let dated = path.last == "when[]" && properties.contains("date")
            let keys = try #require(
                dated ? DatedSlot.fieldKeys.names : Self.keys(at: path, tool: tool), "no reader known for \(tool.rawValue) at \(path)")
            #expect(
                properties == Set(keys),
                "\(tool.rawValue) at \(path.joined(separator: ".")): schema \(properties.sorted()), reader \(keys)")
            #expect(
                object["additionalProperties"] == false, "\(tool.rawValue) at \(path): the reader refuses other keys")
            let required = Set((object["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            #expect(
                required.isSubset(of: properties), "\(tool.rawValue) at \(path): \(required) required but not listed")
        }
    }

    @Test func theFourAskedForAreThereWithDescriptions() {
        let tools = StitchTool.allCases.map(\.tool)
        #expect(
            tools.map(\.name) == [
                "who_can_help", "where_can_give", "refer_activities", "explain_match", "plan_allocate", "server_health",
            ])
        for tool in tools {
            #expect((tool.description ?? "").count > 100, "\(tool.name) says too little about when to use it")
            #expect(tool.annotations.readOnlyHint == true)
        }
        let required = { (name: String) in
            tools.first { $0.name == name }?.inputSchema.objectValue?["required"]?.arrayValue?.compactMap(\.stringValue)
        }
        #expect(required("who_can_help") == ["request"])
        #expect(required("refer_activities") == ["referral"])
        #expect(required("explain_match") == ["subject", "candidate"])
        #expect(required("plan_allocate") == ["referrals"])
    }

    /// The bounds a schema states for a whole number are the reader's: its ends are answered, one
    /// past each end is refused at the field.
    @Test(arguments: [
        (StitchTool.whoCanHelp, "limit"), (StitchTool.referActivities, "limit"), (StitchTool.planAllocate, "topK"),
        (StitchTool.planAllocate, "maxPerPerson"),
    ])
    func statedBoundsAreTheReadersBounds(tool: StitchTool, field: String) async throws {
        let schema = try #require(tool.tool.inputSchema.objectValue?["properties"]?.objectValue?[field]?.objectValue)
        let low = try #require(schema["minimum"]?.intValue)
        let high = try #require(schema["maximum"]?.intValue)
        let toolbox = try ToolCallTests.toolbox()
        for (value, accepted) in [(low, true), (high, true), (low - 1, false), (high + 1, false)] {
            var arguments = ToolCallTests.example(tool)
            arguments[field] = .int(value)
            let result = try await toolbox.call(.init(name: tool.rawValue, arguments: arguments))
            #expect(
                (result.isError ?? false) == !accepted,
                "\(tool.rawValue) \(field) \(value): \(ToolCallTests.texts(result))")
            if !accepted { #expect(ToolCallTests.texts(result).first?.contains("field: params.\(field)") == true) }
        }
    }

    /// Leaving out a key the schema requires is refused by the reader, at that key.
    @Test(arguments: StitchTool.allCases)
    func requiredKeysAreRequired(tool: StitchTool) async throws {
        let required = (tool.tool.inputSchema.objectValue?["required"]?.arrayValue ?? []).compactMap(\.stringValue)
        let toolbox = try ToolCallTests.toolbox()
        let whole = try await toolbox.call(.init(name: tool.rawValue, arguments: ToolCallTests.example(tool)))
        #expect(whole.isError == false, "\(ToolCallTests.texts(whole))")
        for key in required {
            var arguments = ToolCallTests.example(tool)
            arguments[key] = nil
            let result = try await toolbox.call(.init(name: tool.rawValue, arguments: arguments))
            #expect(result.isError == true)
            #expect(
                ToolCallTests.texts(result).first?.contains("field: params.\(key)") == true,
                "\(ToolCallTests.texts(result))")
        }
    }
}

extension StitchTool: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}
