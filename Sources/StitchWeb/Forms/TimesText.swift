import Foundation
import StitchModel

/// Days and times typed in a form ("tue 10-12, thu afternoons"), read by the model's
/// ``WeeklyTimeText``, the reader the CLI's `--when` and the CSV import use, into the slots'
/// JSON for the params.
enum TimesText {
    /// The slots' JSON, or the reader's message naming the piece it could not read.
    static func slotsJSON(_ text: String) -> Result<[Any], WeeklyTimeError> {
        let slots: [Slot]
        do {
            slots = try WeeklyTimeText.slots(text)
        } catch {
            return .failure(error)
        }
        // A slot's own JSON form (`{"day":"tue","start":"10:00","end":"12:00"}`), which the
        // params reader reads back.
        let objects = slots.compactMap { slot -> Any? in
            guard let data = try? JSONEncoder().encode(slot) else { return nil }
            return try? JSONSerialization.jsonObject(with: data)
        }
        return .success(objects)
    }
}
