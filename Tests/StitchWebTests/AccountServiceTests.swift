import Foundation
import StitchApplication
import StitchStore
import Testing

/// The account use cases over the SQLite store: names, passwords, hashes and the audit log.
@Suite("Accounts: names, passwords, bcrypt hashes and the audit log")
struct AccountServiceTests {
    func withStore(_ body: (SQLiteCommunityStore, AccountService) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-accounts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteCommunityStore(path: folder.appendingPathComponent("stitch.sqlite").path)
        try await body(store, AccountService(store: store, cost: AccountService.minimumCost))
    }

    @Test func onlyABcryptHashOfAtLeastCostTenIsStored() async throws {
        try await withStore { store, accounts in
            let account = try await accounts.add(MethodParams.AddAccount(name: " Ada ", role: .linkWorker, password: "a long enough password"))
            #expect(account.name == "ada")
            let stored = try #require(try store.storedAccount(named: "ada"))
            #expect(stored.passwordHash.hasPrefix("$2b$10$") || stored.passwordHash.hasPrefix("$2a$10$") || stored.passwordHash.hasPrefix("$2y$10$"))
            #expect(!stored.passwordHash.contains("a long enough password"))
            #expect(try store.hasCommunity() == false, "an account does not make the database hold a community")
            #expect(AccountService(store: store, cost: 4).cost == AccountService.minimumCost)
        }
    }

    @Test func badNamesPasswordsAndTakenNamesAreRefusedAtTheirField() async throws {
        try await withStore { _, accounts in
            let cases: [(String, String, String)] = [
                ("ada lovelace", "a long enough password", "params.name"), ("", "a long enough password", "params.name"),
                ("ada", "short", "params.password"), ("ada", String(repeating: "x", count: 73), "params.password"),
                ("ada", "line\nbreak in it here", "params.password"),
            ]
            for (name, password, field) in cases {
                await #expect(throws: ServiceError.self) { _ = try await accounts.add(.init(name: name, role: .broker, password: password)) }
                do {
                    _ = try await accounts.add(.init(name: name, role: .broker, password: password))
                } catch let error as ServiceError {
                    #expect(error.data?.field == field, "\(name) / \(password.count) characters")
                }
            }
            _ = try await accounts.add(.init(name: "ada", role: .broker, password: "a long enough password"))
            do {
                _ = try await accounts.add(.init(name: "ADA", role: .admin, password: "another long password"))
                Issue.record("a taken name was accepted")
            } catch let error as ServiceError {
                #expect(error.data?.reason.contains("already an account") == true)
            }
            #expect(try accounts.list().map(\.name) == ["ada"])
        }
    }

    @Test func theRoleIsReadByTheParamsReaderWithTheNearestName() throws {
        let data = Data(#"{"name":"ada","role":"brokr","password":"a long enough password"}"#.utf8)
        #expect(throws: ServiceError.self) { _ = try MethodParams.decode(MethodParams.AddAccount.self, from: data) }
        do {
            _ = try MethodParams.decode(MethodParams.AddAccount.self, from: data)
        } catch {
            #expect(error.data?.field == "params.role")
            #expect(error.data?.reason.contains("did you mean 'broker'?") == true)
        }
    }

    @Test func accountsAndTheAuditLogSurviveAWholeCommunityImport() async throws {
        try await withStore { store, accounts in
            _ = try await accounts.add(.init(name: "ada", role: .admin, password: "a long enough password"))
            accounts.record(AuditEntry(account: "ada", action: .refer, person: "m-1", count: 3))
            try store.replaceAllInNewFile(.init(members: [.init(id: "m-1")]))
            #expect(try accounts.list().map(\.name) == ["ada"])
            #expect(try accounts.audit(limit: 10).map(\.person) == ["m-1"])
            guard case .loggedIn = await accounts.logIn(.init(name: "ada", password: "a long enough password")) else {
                Issue.record("the account could not log in after the import")
                return
            }
        }
    }

    @Test func theThrottleLocksANameAfterRepeatedFailuresAndForgetsIt() {
        let throttle = LoginThrottle(maximumFailures: 3, window: .seconds(60), lockout: .seconds(120))
        let start = ContinuousClock.now
        for i in 0..<3 {
            #expect(throttle.lockRemaining(for: "ada", now: start + .seconds(i)) == nil)
            throttle.recordFailure(for: "ada", now: start + .seconds(i))
        }
        #expect(throttle.lockRemaining(for: "ada", now: start + .seconds(3)) != nil)
        #expect(throttle.lockRemaining(for: "bea", now: start + .seconds(3)) == nil)
        #expect(throttle.lockRemaining(for: "ada", now: start + .seconds(200)) == nil)
        // Failures far apart do not add up.
        throttle.recordFailure(for: "cy", now: start)
        throttle.recordFailure(for: "cy", now: start + .seconds(100))
        throttle.recordFailure(for: "cy", now: start + .seconds(101))
        #expect(throttle.lockRemaining(for: "cy", now: start + .seconds(102)) == nil)
    }
}
