import Foundation

/// Where the daemon keeps its database unless told otherwise (`--db PATH`).
///
/// The XDG base directory convention: `$XDG_DATA_HOME/stitch/stitch.sqlite` when
/// `XDG_DATA_HOME` is set to an absolute path, else `~/.local/share/stitch/stitch.sqlite`.
///
/// ```swift
/// StoreLocation.defaultPath()  // "/home/ada/.local/share/stitch/stitch.sqlite"
/// ```
public enum StoreLocation {
    /// The rule ``defaultPath(environment:)`` follows, in words, for help texts.
    public static let defaultDescription = "$XDG_DATA_HOME/stitch/stitch.sqlite, else ~/.local/share/stitch/stitch.sqlite"

    /// The default database path for this environment.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((base as NSString).appendingPathComponent("stitch") as NSString).appendingPathComponent("stitch.sqlite")
    }
}
