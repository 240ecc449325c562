import Foundation
import StitchGenerator
import StitchModel
import Testing

@Suite("The bundled community's ledger and pairing")
struct BundledLedgerTests {
    /// The community file as the generator writes it.
    static func file() throws -> CommunityFile {
        LewishamCommunity.file(taxonomy: try Fixtures.taxonomy(), openActive: try RepositoryFiles.openActive())
    }

    @Test func carriesADonationPotFundedHelpTheSurgeryAGroupAndAPairing() throws {
        let file = try Self.file()
        let community = file.community
        let accounts = Dictionary(uniqueKeysWithValues: community.accounts.map { ($0.id, $0.kind) })
        let ledger = community.ledger
        // A prisoner's credits donated to his family.
        #expect(ledger.contains { $0.kind == .donation && $0.from == ["m-kofi"] && $0.to == ["m-ama"] })
        // Help for a member paid by the good will pot.
        #expect(ledger.contains { $0.kind == .exchange && $0.paidBy.flatMap { accounts[$0] } == .pot && $0.to == ["m-elsie"] })
        // Giving at the surgery, an organisation's account.
        #expect(ledger.contains { $0.kind == .exchange && $0.to.count == 1 && accounts[$0.to[0]] == .organisation })
        // A group session: one giver, several receivers.
        #expect(ledger.contains { $0.kind == .exchange && $0.from.count == 1 && $0.to.count >= 3 })
        // Balances still sum to zero over every account.
        let total = community.ledgerBalances().values.reduce(0, +)
        #expect(abs(total) < 1e-9)
        #expect(community.validationErrors() == [])
        // An ongoing weekly pairing between members of the community.
        let members = Set(community.members.map(\.id))
        #expect(file.pairings == ScenarioCast.pairings)
        #expect(CommunityFile.pairingErrors(file.pairings, in: community) == [])
        for pairing in file.pairings {
            #expect(members.contains(pairing.person) && members.contains(pairing.helper))
            #expect(pairing.start != nil && pairing.review != nil)
        }
    }

    @Test func theDataFileHoldsTheLedgerAndPairingTheGeneratorWrites() throws {
        let stored = try JSONDecoder().decode(CommunityFile.self, from: RepositoryFiles.data("data/lewisham.json"))
        let made = try Self.file()
        #expect(stored.community.accounts == made.community.accounts)
        #expect(stored.community.ledger == made.community.ledger)
        #expect(stored.pairings == made.pairings)
        #expect(stored.community.members.count == made.community.members.count)
    }

    @Test func aCommunityFileRoundTripsWithItsPairings() throws {
        let file = try Self.file()
        let data = try JSONEncoder().encode(file)
        #expect(try JSONDecoder().decode(CommunityFile.self, from: data) == file)
        // The community alone refuses a file that lists pairings rather than drop them.
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Community.self, from: data) }
        // A file without pairings is written as before.
        let plain = try JSONEncoder().encode(CommunityFile(community: file.community))
        #expect(try JSONDecoder().decode(Community.self, from: plain) == file.community)
    }
}
