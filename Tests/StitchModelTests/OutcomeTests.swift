import Foundation
import StitchModel
import Testing

@Suite("Outcomes are read with field paths")
struct OutcomeTests {
    static func decode(_ json: String) throws -> Outcome { try JSONDecoder().decode(Outcome.self, from: Data(json.utf8)) }

    static func firstError(_ json: String) -> ValidationError? {
        do {
            _ = try decode(json)
            return nil
        } catch let error as DecodingError {
            return ValidationError(error)
        } catch {
            return ValidationError(field: "?", reason: "\(error)")
        }
    }

    @Test func theDraftsShapeRoundTrips() throws {
        let json =
            #"{"subject":"m-maud","candidate":"a-knit-natter","accepted":true,"completed":true,"wellbeingBefore":0.4,"wellbeingAfter":0.6}"#
        let outcome = try Self.decode(json)
        #expect(
            outcome
                == Outcome(
                    subject: "m-maud", candidate: "a-knit-natter", accepted: true, completed: true, wellbeingBefore: 0.4,
                    wellbeingAfter: 0.6))
        #expect(try Self.decode(String(decoding: JSONEncoder().encode(outcome), as: UTF8.self)) == outcome)
        let least = try Self.decode(#"{"subject":"m-maud","candidate":"a-knit-natter","accepted":false}"#)
        #expect(!least.completed && least.wellbeingBefore == nil && least.wellbeingAfter == nil)
        #expect(least.validationErrors().isEmpty)
    }

    @Test(arguments: [
        (#"{"candidate":"a-1","accepted":true}"#, "subject", "is required"),
        (#"{"subject":" ","candidate":"a-1","accepted":true}"#, "subject", "must not be empty"),
        (#"{"subject":"m-1","accepted":true}"#, "candidate", "is required"),
        (#"{"subject":"m-1","candidate":7,"accepted":true}"#, "candidate", "expected a string"),
        (#"{"subject":"m-1","candidate":"a-1"}"#, "accepted", "is required"),
        (#"{"subject":"m-1","candidate":"a-1","accepted":"yes"}"#, "accepted", "expected true or false"),
        (#"{"subject":"m-1","candidate":"a-1","accepted":true,"completed":1}"#, "completed", "expected true or false"),
        (#"{"subject":"m-1","candidate":"a-1","accepted":false,"completed":true}"#, "completed", "cannot be true when accepted is false"),
        (#"{"subject":"m-1","candidate":"m-1","accepted":true}"#, "candidate", "a member cannot be their own candidate"),
        (#"{"subject":"m-1","candidate":"a-1","accepted":true,"wellbeingBefore":"low"}"#, "wellbeingBefore", "expected a number"),
        (#"{"subject":"m-1","candidate":"a-1","accepted":true,"wellbeingAfter":[1]}"#, "wellbeingAfter", "expected a number"),
    ])
    func aBadFieldIsNamed(_ json: String, _ field: String, _ reason: String) {
        let error = Self.firstError(json)
        #expect(error?.field == field)
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func nonFiniteWellbeingIsRefused() {
        let outcome = Outcome(subject: "m-1", candidate: "a-1", accepted: true, wellbeingBefore: .nan, wellbeingAfter: .infinity)
        #expect(
            outcome.validationErrors() == [
                ValidationError(field: "wellbeingBefore", reason: "must be a finite number"),
                ValidationError(field: "wellbeingAfter", reason: "must be a finite number"),
            ])
    }
}

/// Each way's bit is its place among all the ways, and the mask of all of them is `allBits`.
@Test func wellbeingWayBitsFollowTheirOrder() {
    for (i, way) in WellbeingWay.allCases.enumerated() { #expect(way.bit == UInt8(1) << UInt8(i)) }
    #expect(WellbeingWay.allCases.reduce(UInt8(0)) { $0 | $1.bit } == WellbeingWay.allBits)
}
