import StitchModel

/// A record the store keeps as JSON text, written by ``JSONText`` rather than `JSONEncoder`
/// (a large import stores 100,000 members' records): the same fields and values as the
/// record's `Encodable` form, so `JSONDecoder` reads it back to an equal record.
protocol RecordJSON: Encodable, Sendable {
    /// Writes the record as one JSON object.
    func write(to json: inout JSONText)
}

extension Slot {
    func write(to json: inout JSONText) {
        json.object { json in
            json.field("day", day.rawValue)
            json.field("start", start.description)
            json.field("end", end.description)
        }
    }
}

extension DatedSlot {
    func write(to json: inout JSONText) {
        json.object { json in
            json.field("date", date.description)
            json.field("start", start.description)
            json.field("end", end.description)
        }
    }
}

extension JSONText {
    mutating func field(_ name: StaticString, _ slots: [Slot]) {
        field(name) { json in json.array(slots) { json, slot in slot.write(to: &json) } }
    }

    /// Weekly slots then dated times, in one list (``TimeList``'s form).
    mutating func field(_ name: StaticString, _ slots: [Slot], dated: [DatedSlot]) {
        guard !dated.isEmpty else { return field(name, slots) }
        let entries = slots.map { Either.weekly($0) } + dated.map { Either.dated($0) }
        field(name) { json in
            json.array(entries) { json, entry in
                switch entry {
                case .weekly(let slot): slot.write(to: &json)
                case .dated(let slot): slot.write(to: &json)
                }
            }
        }
    }

    /// One entry of a list of times.
    private enum Either {
        case weekly(Slot)
        case dated(DatedSlot)
    }

    /// Days away, left out when there are none (as the record's `Encodable` form does).
    mutating func field(_ name: StaticString, _ away: [AwayPeriod]) {
        guard !away.isEmpty else { return }
        field(name) { json in
            json.array(away) { json, period in
                json.object { json in
                    json.field("from", period.from.description)
                    json.field("to", period.to.description)
                }
            }
        }
    }

    mutating func field(_ name: StaticString, _ location: Location?) {
        guard let location else { return }
        field(name) { json in
            json.object { json in
                json.field("lat", location.lat)
                json.field("lon", location.lon)
            }
        }
    }

    mutating func field(_ name: StaticString, _ terms: [AccessTerm]) {
        field(name, terms.map(\.rawValue))
    }
}

extension Member: RecordJSON {
    func write(to json: inout JSONText) {
        json.object { json in
            json.field("id", id)
            json.field("name", name)
            json.field("offers", offers)
            json.field("interests", interests)
            json.field("needs", needs)
            json.field("experiences", experiences)
            json.field("availability", availability)
            json.field("away", away)
            json.field("location", location)
            json.field("postcode", postcode?.text)
            json.field("travelKm", travelKm)
            json.field("homeVisits", homeVisits)
            json.field("housebound", housebound)
            json.field("accessNeeds", accessNeeds)
            json.field("languages", languages)
            if interpreter { json.field("interpreter", true) }
            json.field("maxCost", maxCost)
            if let dbs, let checked = dbs.checked, let level = dbs.level {
                json.field("dbs") { json in
                    json.object { json in
                        json.field("checked", checked.description)
                        json.field("level", level.rawValue)
                        json.field("updateService", dbs.updateService)
                    }
                }
            } else {
                json.field("dbsChecked", dbsChecked)
            }
            json.field("birthYear", birthYear)
            json.field("groups", groups)
            if let wellbeing {
                json.field("wellbeing") { json in
                    json.object { json in
                        json.field("connect", wellbeing.connect)
                        json.field("beActive", wellbeing.beActive)
                        json.field("keepLearning", wellbeing.keepLearning)
                        json.field("takeNotice", wellbeing.takeNotice)
                        json.field("give", wellbeing.give)
                    }
                }
            }
            json.field("avoid", avoid)
            json.field("active", active)
            json.field("gender", gender?.rawValue)
            json.field("helperGender", helperGender?.rawValue)
            if let home {
                json.field("home") { json in
                    json.object { json in
                        json.field("pets", home.pets.map(\.rawValue))
                        json.field("smoking", home.smoking)
                    }
                }
            }
            if let visitLimits {
                json.field("visitLimits") { json in
                    json.object { json in
                        json.field("allergies", visitLimits.allergies.map(\.rawValue))
                        json.field("smokeFree", visitLimits.smokeFree)
                    }
                }
            }
        }
    }
}

extension Activity: RecordJSON {
    func write(to json: inout JSONText) {
        json.object { json in
            json.field("id", id)
            json.field("name", name)
            json.field("organisation", organisation)
            json.field("description", description)
            json.field("topics", topics)
            json.field("wellbeing", wellbeing.map(\.rawValue))
            json.field("schedule", schedule, dated: datedSessions)
            json.field("location", location)
            json.field("postcode", postcode?.text)
            json.field("online", online)
            json.field("capacity", capacity)
            json.field("enrolled", enrolled)
            json.field("access", access)
            json.field("cost", cost)
            if !languages.isEmpty { json.field("languages", languages) }
            json.field("ageMin", ageMin)
            json.field("ageMax", ageMax)
            json.field("buddyWelcome", buddyWelcome)
            json.field("groups", groups)
            json.field("attribution", attribution)
        }
    }
}
