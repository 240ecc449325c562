/// Display names for generated members: a first name and an initial, as time-bank directories
/// show people.
///
/// First names come from two small lists, one usual for people born before about 1965 and one
/// for younger people, both mixing the British, Caribbean, West African, South Asian, Turkish,
/// Portuguese and Polish names common in Lewisham.
enum NameLists {
    static let older = [
        "Margaret", "Jean", "Patricia", "Doreen", "Joan", "Barbara", "Maureen", "Eileen", "Brenda", "Pauline",
        "Gladys", "Hyacinth", "Beverley", "Norma", "Grace", "Esther", "Comfort", "Florence", "Ruth", "Vera",
        "Winston", "Desmond", "Leroy", "Clive", "Roy", "Brian", "Terry", "Derek", "Alan", "Kenneth", "Colin",
        "Dennis", "Raymond", "Errol", "Samuel", "Emmanuel", "Joseph", "Peter", "Michael", "Stanley", "Rajesh",
        "Kamala", "Mehmet", "Ayse", "Teresa", "Stanisław", "Krystyna", "Maria", "Kwame", "Abena",
    ]

    static let younger = [
        "Chloe", "Jessica", "Aisha", "Zainab", "Amara", "Chiamaka", "Priya", "Sophie", "Emily", "Hannah", "Ella",
        "Naomi", "Tolu", "Fatima", "Leah", "Megan", "Kemi", "Ama", "Ines", "Zofia", "Jordan", "Kwabena", "Daniel",
        "Tyrone", "Callum", "Jamal", "Ryan", "Liam", "Tunde", "Kofi", "Mohammed", "Omar", "Arjun", "Luca", "Tomasz",
        "Joao", "Emre", "Marcus", "Ashley", "Nathan", "Dev", "Yusuf", "Sam", "Alex", "Jade", "Kayla", "Nia",
        "Precious", "Femi", "Ade",
    ]

    static let initials = Array("ABCDEFGHIJKLMNOPRSTWY")

    /// A display name such as "Grace M.".
    static func name(age: Int, random: inout Xoshiro256StarStar) -> String {
        let first = age >= 60 ? random.pick(older) : random.pick(younger)
        return "\(first) \(random.pick(initials))."
    }
}
