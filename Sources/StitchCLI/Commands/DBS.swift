import ArgumentParser
import Foundation
import StitchApplication
import StitchEngine
import StitchModel

/// `stitch dbs`: members' DBS checks.
struct DBSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dbs",
        abstract: "Members' DBS checks.",
        subcommands: [DBSExpiring.self])
}

/// `stitch dbs expiring`: the DBS checks expired or expiring within 30 days, as `server.health`
/// lists them (the same use case answers both).
struct DBSExpiring: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expiring",
        abstract: "Active members' DBS checks expired or expiring within 30 days of today.",
        discussion: """
            A check expires three years after it was issued unless it is on the DBS Update Service;
            a check recorded without a date (the old dbsChecked: true) is never listed.

            Examples:
              stitch dbs expiring --db stitch.sqlite
              stitch dbs expiring --demo --json
            """)

    @OptionGroup var input: CommunityOptions

    func run() async throws {
        let service = try input.service()
        let checks = await service.snapshot().health.dbsExpiring
        if input.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(checks), as: UTF8.self))
            return
        }
        guard !checks.isEmpty else {
            print("No DBS check expires within \(StitchService.dbsNoticeDays) days.")
            return
        }
        print("DBS checks to renew (\(checks.count)):")
        for check in checks {
            print("  \(check.member)  \(check.level.rawValue)  \(check.expired ? "expired on" : "expires on") \(check.expires)")
        }
    }
}
