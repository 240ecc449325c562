import Foundation
import StitchModel

/// A uniform latitude/longitude grid of items (members or activities) for "near this point" look-ups.
///
/// Cells are about `cellKm` on a side. A query visits only the cells that a circle of the given
/// radius can touch, so the cost follows the number of nearby items, not the community's size.
struct GeoGrid: Sendable {
    private struct Cell: Hashable { var row: Int32; var column: Int32 }

    let cellKm: Double
    private let latStep: Double
    private let lonStep: Double
    private var cells: [Cell: [Int32]] = [:]

    init(cellKm: Double = 1.5, referenceLatitude: Double = 51.5) {
        self.cellKm = cellKm
        latStep = cellKm / 111.195
        lonStep = cellKm / (111.195 * max(0.05, cos(referenceLatitude * .pi / 180)))
    }

    private func cell(_ location: Location) -> Cell {
        Cell(row: Int32((location.lat / latStep).rounded(.down)), column: Int32((location.lon / lonStep).rounded(.down)))
    }

    /// A key that orders locations cell by cell along a Z-order curve, so that items sorted by it
    /// sit near their neighbours in memory as well as on the map.
    func spatialKey(_ location: Location) -> UInt64 {
        let c = cell(location)
        // Offset to unsigned, then interleave the bits of row and column.
        return Self.spread(UInt32(bitPattern: c.row) ^ 0x8000_0000) << 1 | Self.spread(UInt32(bitPattern: c.column) ^ 0x8000_0000)
    }

    private static func spread(_ v: UInt32) -> UInt64 {
        var x = UInt64(v)
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFF
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FF
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F
        x = (x | x << 2) & 0x3333_3333_3333_3333
        x = (x | x << 1) & 0x5555_5555_5555_5555
        return x
    }

    mutating func insert(_ item: Int32, at location: Location) {
        cells[cell(location), default: []].append(item)
    }

    /// Takes an item out of the cell of `location` (where it was inserted).
    mutating func remove(_ item: Int32, at location: Location) {
        let key = cell(location)
        guard var items = cells[key], let i = items.firstIndex(of: item) else { return }
        items.remove(at: i)
        cells[key] = items.isEmpty ? nil : items
    }

    /// Calls `body` with every item in a cell that a circle of `radiusKm` around `center` can touch
    /// (a superset of the items within the radius: callers check the exact distance).
    func forEachCandidate(near center: Location, radiusKm: Double, _ body: (Int32) -> Void) {
        let c = cell(center)
        let rows = Int32(min(200, (radiusKm / cellKm).rounded(.up) + 1))
        // A degree of longitude shrinks with latitude: widen the column span to match.
        let kmPerColumn = lonStep * 111.195 * max(0.01, cos(center.lat * .pi / 180))
        let columns = Int32(min(400, (radiusKm / kmPerColumn).rounded(.up) + 1))
        for dr in -rows...rows {
            for dc in -columns...columns {
                guard let items = cells[Cell(row: c.row + dr, column: c.column + dc)] else { continue }
                for item in items { body(item) }
            }
        }
    }
}
