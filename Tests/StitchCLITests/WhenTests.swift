import Foundation
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

/// Days and times as people write them, read by one reader on the command line, in CSV and over
/// JSON-RPC alike.
@Suite("Days and times as people write them, on every way in")
struct WhenTests {
    let runner = CommandRunner()

    static let castFile: String = {
        try! CommandRunner.temporaryFile(try! JSONEncoder().encode(ScenarioCast.community))
    }()

    func helpers(_ when: String) throws -> (status: Int32, ranking: Ranking?, stderr: String) {
        let r = try runner.run([
            "who-can-help", "--community", Self.castFile, "--requester", "m-arthur", "--skill", "accompany to hospital",
            "--when", when, "--json",
        ])
        return (r.status, try? JSONDecoder().decode(Ranking.self, from: Data(r.stdout.utf8)), r.stderr)
    }

    @Test(arguments: ["tues 10-12", "Tuesday 10am-12pm", "Tuesdays 10:00-12:00", "tue 10.00-12.00", "TUE 10 to 12"])
    func theCommandLineReadsTheFormsPeopleWrite(when: String) throws {
        let written = try helpers(when)
        let canonical = try helpers("tue 10:00-12:00")
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.ranking?.matches.map(\.id) == canonical.ranking?.matches.map(\.id))
        #expect(written.ranking?.matches.first?.reasons.contains("Free Tue 10:00-12:00 as asked") == true)
    }

    @Test func refusalsSayWhatIsWrongAndWhatIsAccepted() throws {
        // "wedding" used to be read as Wednesday from its first three letters.
        let wedding = try helpers("wedding 10:00-12:00")
        #expect(wedding.status != 0)
        #expect(wedding.stderr.contains("'wedding' is not a day or a time"), "\(wedding.stderr)")
        #expect(wedding.stderr.contains("accepted: days as mon…sun"))
        let noDay = try helpers("10am")
        #expect(noDay.status != 0)
        #expect(noDay.stderr.contains("names no day"), "\(noDay.stderr)")
        let backwards = try helpers("tue 4pm-2pm")
        #expect(backwards.status != 0 && backwards.stderr.contains("accepted:"), "\(backwards.stderr)")
        let typo = try helpers("tuseday 10-12")
        #expect(typo.stderr.contains("did you mean 'tuesday'?"), "\(typo.stderr)")
    }

    @Test func jsonRPCReadsDaysAsPeopleWriteThem() throws {
        let lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital","when":[{"day":"tues","start":"10:00","end":"12:00"}]},"limit":3}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital","when":[{"day":"Tuesday","start":"10:00","end":"12:00"}]},"limit":3}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital","when":[{"day":"tue","start":"10:00","end":"12:00"}]},"limit":3}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital","when":[{"day":"wedding","start":"10:00","end":"12:00"}]},"limit":3}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital","when":[{"day":"tuseday","start":"10:00","end":"12:00"}]},"limit":3}}"#,
        ]
        let r = try runner.run(
            ["serve", "--stdio", "--community", Self.castFile], input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let answers = r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        func ids(_ id: Int) -> [String]? {
            let result = answers.first { $0["id"] as? Int == id }?["result"] as? [String: Any]
            return (result?["matches"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        }
        #expect(ids(3)?.isEmpty == false)
        #expect(ids(1) == ids(3) && ids(2) == ids(3), "\(r.stdout)")
        let refused = answers.first { $0["id"] as? Int == 4 }?["error"] as? [String: Any]
        #expect(refused?["code"] as? Int == -32602, "\(r.stdout)")
        let data = refused?["data"] as? [String: Any]
        #expect((data?["field"] as? String)?.hasSuffix("when[0].day") == true, "\(String(describing: data))")
        let typo = (answers.first { $0["id"] as? Int == 5 }?["error"] as? [String: Any])?["data"] as? [String: Any]
        #expect((typo?["reason"] as? String)?.hasSuffix("did you mean 'tue'?") == true, "\(String(describing: typo))")
    }
}
