import ArgumentParser

/// `--replace` and `--yes`, as `stitch import` and `stitch demo` take them: `--yes` confirms
/// that a replacement may remove stored records, and means nothing without `--replace`.
enum ReplaceConfirmation {
    static func check(replace: Bool, yes: Bool) throws {
        if yes, !replace { throw ValidationError("--yes confirms --replace; without --replace nothing is removed") }
    }
}
