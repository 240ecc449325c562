import StitchModel

/// What one member states that decides who may come to a home: their own gender, the gender
/// they ask for in a visiting helper, their home's pets and smoking, and (as a helper) the homes
/// they cannot visit. Pets are packed in bytes (``Pet/bit``), so the rule compares two bytes.
///
/// Everything here is only as the member stated it; an unstated field is `nil`, empty or false.
struct VisitFacts: Sendable, Hashable {
    var gender: Gender?
    var helperGender: Gender?
    /// Pets kept in their home (``Pet/bits(_:)``).
    var pets: UInt8 = 0
    /// Someone smokes in their home.
    var smoking = false
    /// As a helper: animals they are allergic to (``Pet/bits(_:)``).
    var allergies: UInt8 = 0
    /// As a helper: visits only smoke-free homes.
    var smokeFree = false

    init() {}

    init(_ member: Member) {
        gender = member.gender
        helperGender = member.helperGender
        pets = Pet.bits(member.home?.pets ?? [])
        smoking = member.home?.smoking ?? false
        allergies = Pet.bits(member.visitLimits?.allergies ?? [])
        smokeFree = member.visitLimits?.smokeFree ?? false
    }

    /// Whether their home holds anything a helper might be unable to visit.
    var homeMatters: Bool { pets != 0 || smoking }
}
