import Foundation
import StitchImport
import StitchModel
import Testing

/// Postcode files: the ONS Postcode Directory's columns or any postcode, latitude, longitude CSV.
@Suite("Postcode files")
struct PostcodeDirectoryTests {
    func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("postcodes-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    let wanted: Set<Postcode> = [
        Postcode("SE13 6LH")!, Postcode("N1 9GU")!, Postcode("SE13 9ZX")!, Postcode("E1 6AN")!,
    ]

    @Test func theONSPDsColumnsAreRead() throws {
        let url = try file(
            "\u{FEFF}\"pcd\",\"pcd2\",\"pcds\",\"dointr\",\"doterm\",\"lat\",\"long\"\r\n"
                + "\"SE136LH\",\"SE13 6LH\",\"SE13 6LH\",\"198001\",\"\",51.456720,-0.011090\r\n"
                + "\"N1  9GU\",\"N1   9GU\",\"N1 9GU\",\"198001\",\"\",51.530000,-0.120000\r\n"
                + "\"SE139ZX\",\"SE13 9ZX\",\"SE13 9ZX\",\"201801\",\"202212\",99.999999,0.000000\r\n"
                + "\"W1D3QF\",\"W1D 3QF\",\"W1D 3QF\",\"198001\",\"\",51.51,-0.13\r\n")
        let directory = try PostcodeDirectory.read(url, wanted: wanted)
        #expect(directory.entry(of: Postcode("se136lh")!) == .located(Location(lat: 51.45672, lon: -0.01109)!))
        #expect(directory.entry(of: Postcode("N1 9GU")!) == .located(Location(lat: 51.53, lon: -0.12)!))
        #expect(directory.entry(of: Postcode("SE13 9ZX")!) == .unplaced)
        #expect(directory.entry(of: Postcode("E1 6AN")!) == nil)
        // Only the postcodes asked for are kept.
        #expect(directory.entries.count == 3)
    }

    @Test func anyPostcodeLatitudeLongitudeFileIsReadInAnyCaseAndSpacing() throws {
        let url = try file("Post Code,Latitude,Longitude\nse13 6lh,51.4,-0.01\nn19gu,51.5,-0.1\n")
        let directory = try PostcodeDirectory.read(url, wanted: wanted)
        #expect(directory.entries.count == 2)
        #expect(directory.entry(of: Postcode("N1 9GU")!) == .located(Location(lat: 51.5, lon: -0.1)!))
    }

    @Test func aLargeFileIsReadAcrossItsBlocks() throws {
        var text = "pcds,lat,long\n"
        for i in 0..<60_000 { text += "ZZ\(i % 90 + 10) \(i % 9)AB,51.\(i),-0.1\n" }
        text += "E1 6AN,51.52,-0.07"  // the last line has no line break
        let directory = try PostcodeDirectory.read(try file(text), wanted: wanted)
        #expect(directory.entries == [Postcode("E1 6AN")!: .located(Location(lat: 51.52, lon: -0.07)!)])
    }

    @Test func filesThatCannotBeUsedAreRefusedWithTheReason() throws {
        func refusal(_ text: String) throws -> ValidationError? {
            let url = try file(text)
            do {
                _ = try PostcodeDirectory.read(url, wanted: wanted)
                return nil
            } catch {
                return error
            }
        }
        #expect(try refusal("")?.reason.hasPrefix("is empty") == true)
        #expect(try refusal("code,lat,long\n")?.reason.hasPrefix("names no postcode column") == true)
        #expect(
            try refusal("pcds,oseast1m,osnrth1m\n")?.reason.hasSuffix("(as Code-Point Open gives) are not converted")
                == true)
        #expect(throws: ValidationError.self) {
            try PostcodeDirectory.read(URL(fileURLWithPath: "/nonexistent/postcodes.csv"), wanted: wanted)
        }
    }
}
