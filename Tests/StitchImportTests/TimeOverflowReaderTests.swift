import Foundation
import StitchImport
import StitchModel
import Testing

/// TimeOverflow's CSV reports, in the shape its report code writes them.
@Suite("TimeOverflow exports")
struct TimeOverflowReaderTests {
    func read(_ files: [(String, String)]) -> SourceImport {
        TimeOverflowReader().read(files.map { (name: $0.0, data: Data($0.1.utf8)) })
    }

    let users = """
        N,Name,Email,Phone,Alternative Phone,Created,Last login,Locale,Balance
        1,Ana Ruiz,ana@example.org,,,2024-01-01 10:00:00 UTC,,es,3600
        7,"Bo (the baker)",,,,2024-01-02 10:00:00 UTC,,en,-3600
        x,Nobody,,,,,,,
        7,Bo again,,,,,,,

        """

    @Test func reportsAreToldByTheirHeadersInAnyOfTimeOverflowsLanguages() {
        let report = TimeOverflowReader.report
        #expect(
            report(
                [
                    "N", "Nombre", "Correo", "Teléfono", "Teléfono alternativo", "Creado", "Fecha último login",
                    "Locale", "Balance",
                ], "x.csv") == .users)
        #expect(report(["", "Oferta", "Etiquetas", "Usuario", "Creado"], "x.csv") == .offers)
        #expect(report(["", "Demanda", "Etiquetas", "Usuario", "Creado"], "x.csv") == .inquiries)
        #expect(report(["", "Request", "Tags", "User", "Created"], "x.csv") == .inquiries)
        #expect(report(["Fecha", "Origen", "Destino", "Anuncio", "Cantidad"], "x.csv") == .transfers)
        // A post type in no known language: the file's name tells.
        #expect(report(["", "Tarjous", "Tunnisteet", "Käyttäjä", "Luotu"], "Offers_2026-03-02.csv") == .offers)
        #expect(report(["", "Tarjous", "Tunnisteet", "Käyttäjä", "Luotu"], "posts.csv") == nil)
        #expect(report(["id", "name"], "members.csv") == nil)
    }

    @Test func usersPostsAndTransfersBecomeMembersOffersNeedsAndExchanges() throws {
        let offers = """
            ,Oferta,Etiquetas,Usuario,Creado
            ,Hogar,,,
            31,Arreglos de costura,"sewing, mending clothes",Ana Ruiz (1),2024-02-01 10:00:00 UTC
            32,Pan casero,baking,Bo (the baker) (7),2024-02-01 10:00:00 UTC
            33,Clases de guitarra,guitar,Someone Gone (99),2024-02-01 10:00:00 UTC
            34,,,Ana Ruiz (1),2024-02-01 10:00:00 UTC

            """
        let inquiries = """
            ,Demanda,Etiquetas,Usuario,Creado
            ,Hogar,,,
            41,Coser un botón,Sewing,Bo (the baker) (7),2024-03-01 10:00:00 UTC

            """
        let transfers = """
            Fecha,Origen,Destino,Anuncio,Cantidad
            2024-03-02 09:00:00 UTC,Bo (the baker) (7),Ana Ruiz (1),Arreglos de costura,1:15
            2024-03-02 09:00:00 UTC,Bo (the baker) (7),Ana Ruiz (1),Arreglos de costura,0:30
            2024-03-03 09:00:00 UTC,El usuario ya no existe,Ana Ruiz (1),,1:00
            2024-03-04 09:00:00 UTC,Ana Ruiz (1),Bo (the baker) (7),,una hora
            2024-03-05 09:00:00 UTC,Ana Ruiz (1),Ana Ruiz (1),,1:00
            2024-03-06 09:00:00 UTC,Ana Ruiz (1),Bo (the baker) (7),,0

            """
        let result = read([
            ("Usuarios.csv", users), ("Ofertas.csv", offers), ("Demandas.csv", inquiries),
            ("Transferencias.csv", transfers),
        ])
        #expect(result.members.map(\.value.id) == ["to-1", "to-7"])
        #expect(result.members.map(\.list) == ["users", "users"])
        let ana = result.members[0].value
        let bo = result.members[1].value
        #expect(ana.name == "Ana Ruiz" && bo.name == "Bo (the baker)")
        #expect(ana.offers == ["sewing", "mending clothes", "Arreglos de costura"])
        #expect(bo.offers == ["baking", "Pan casero"] && bo.needs == ["Sewing", "Coser un botón"])
        #expect(
            result.exchanges.map(\.value) == [
                Exchange(
                    id: "to-x-20240302090000-7-1", giver: "to-1", receiver: "to-7", hours: 1.25,
                    skill: "Arreglos de costura", date: CalendarDate(year: 2024, month: 3, day: 2)),
                Exchange(
                    id: "to-x-20240302090000-7-1-2", giver: "to-1", receiver: "to-7", hours: 0.5,
                    skill: "Arreglos de costura", date: CalendarDate(year: 2024, month: 3, day: 2)),
                Exchange(
                    id: "to-x-20240306090000-1-7", giver: "to-7", receiver: "to-1", hours: 0,
                    date: CalendarDate(year: 2024, month: 3, day: 6)),
            ])
        #expect(
            result.issues.map(\.path) == [
                "users[4].N", "users[5].N", "offers[5].user", "offers[6].title", "transfers[4].from",
                "transfers[5].quantity", "transfers[6].receiver",
            ])
        #expect(result.issues.allSatisfy { $0.recordSkipped })
        let reasons = Dictionary(uniqueKeysWithValues: result.issues.map { ($0.path, $0.reason) })
        #expect(reasons["users[5].N"] == "member number 7 is also on row 3; the first is kept")
        #expect(
            reasons["offers[5].user"] == "'Someone Gone (99)' is not a user of the users report; the offer is left out")
        #expect(
            reasons["transfers[5].quantity"]?.hasPrefix("'una hora' is not a time as TimeOverflow writes it (H:MM)")
                == true)
        #expect(reasons["transfers[6].receiver"] == "a member cannot give to themself; the transfer is left out")
        #expect(result.recordCount == 4 + 5 + 2 + 6)
    }

    @Test func anExportWithoutItsUsersReportIsRefused() {
        let result = read([("Offers.csv", ",Offer,Tags,User,Created\n,Home,,,\n")])
        #expect(result.members.isEmpty)
        #expect(
            result.issues.map(\.reason) == [
                "no users report was given (only offers); give the export's users (members) CSV too, in the same folder"
            ])
        #expect(result.issues.first?.index == nil && result.issues.first?.recordSkipped == true)
    }

    @Test func otherFilesBesideTheExportAreIgnoredWithANoteAndASecondReportRefused() {
        let result = read([("Members.csv", users), ("notes.csv", "a,b\n1,2\n"), ("Members copy.csv", users)])
        #expect(result.members.count == 2)
        let notes = result.issues.filter { $0.index == nil }
        #expect(notes.map(\.path) == ["notes.csv", "Members copy.csv"])
        #expect(notes[0].reason.hasPrefix("is not one of TimeOverflow's reports") && !notes[0].recordSkipped)
        #expect(notes[1].reason == "is a second users report (the first is Members.csv); give one export")
    }
}
