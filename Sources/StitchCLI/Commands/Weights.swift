import ArgumentParser
import Foundation
import StitchApplication
import StitchEngine
import StitchModel

/// `stitch weights`: factor weights learnt from what became of referrals, kept under their
/// version and put in force only when applied (docs/scoring.md, "Learning from outcomes"). Each
/// subcommand calls the same use case as the daemon's `weights.*` method.
struct WeightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weights",
        abstract: "Learn a profile's weights from referral outcomes, list the fits, and apply one.",
        discussion: """
            Examples:
              stitch weights learn --target uptake
              stitch weights learn --target wellbeing --needs loneliness-isolation
              stitch weights fits
              stitch weights apply lw1-0123456789abcdef
            """,
        subcommands: [Learn.self, Fits.self, Apply.self])

    static func factors(_ weights: FactorWeights) -> String {
        Factor.allCases.map { "\($0.rawValue) \(String(format: "%.3f", weights[$0]))" }.joined(separator: ", ")
    }

    static func figures(_ f: HeldOutFigures) -> String {
        var parts: [String] = []
        if let l = f.logLoss { parts.append("log-loss \(String(format: "%.3f", l))") }
        if let a = f.auc { parts.append("AUC \(String(format: "%.3f", a))") }
        if let r = f.rmse { parts.append("RMSE \(String(format: "%.3f", r))") }
        return parts.joined(separator: ", ")
    }

    /// One stored fit, as a coordinator reads it.
    static func describe(_ stored: LearnedFit) -> String {
        let fit = stored.fit
        var lines = [
            "\(stored.version): \(fit.group) \(fit.target.rawValue), learnt \(stored.learned) from \(Wording.count(fit.rows, "outcome")) "
                + (stored.applied.map { "(applied \($0))" } ?? "(not applied)")
        ]
        lines.append("  weights: \(factors(fit.weights))")
        lines.append("  in force when learnt: \(factors(fit.previous))")
        lines.append(
            "  held out (\(fit.heldOut.folds)-fold): before \(figures(fit.heldOut.before)); after \(figures(fit.heldOut.after))"
                + (fit.heldOut.improved ? " (better)" : " (not better)"))
        return lines.joined(separator: "\n")
    }

    struct Learn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit a profile's weights to the referrals' outcomes; the fit is stored, not applied.")

        @OptionGroup var input: CommunityOptions
        @Option(help: "What to predict: uptake, completion or wellbeing.")
        var target: String
        @Option(help: "Whose weights: broker, referral (default) or planning.")
        var profile: ScoringProfile?
        @Option(help: "Only the referrals naming this need or concern.")
        var needs: String?

        func run() async throws {
            let params = MethodParams.LearnWeights(target: target, profile: profile, needs: needs)
            let fit = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.learnWeights(params) }
            print(input.json ? try RankingPrinter.json(fit) : WeightsCommand.describe(fit) + "\n  apply with: stitch weights apply \(fit.version)")
        }
    }

    struct Fits: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The stored fits, newest first, with their held-out figures.")

        @OptionGroup var input: CommunityOptions
        @Option(help: "Only this profile's fits.")
        var profile: ScoringProfile?

        func run() async throws {
            let fits = try await ReferralCommand.run(input) { service throws(ServiceError) in
                try await service.weightFits(MethodParams.WeightFits(profile: profile))
            }
            if input.json {
                print(try RankingPrinter.json(fits))
            } else {
                print(fits.fits.isEmpty ? "No fits are stored; learn one with `stitch weights learn`." : fits.fits.map(WeightsCommand.describe).joined(separator: "\n"))
            }
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put a stored fit's weights in force for its profile.")

        @OptionGroup var input: CommunityOptions
        @Argument(help: "The fit's version (stitch weights fits lists them).")
        var version: String

        func run() async throws {
            let applied = try await ReferralCommand.run(input) { service throws(ServiceError) in
                try await service.applyWeights(MethodParams.ApplyWeights(version: version))
            }
            print(
                input.json
                    ? try RankingPrinter.json(applied)
                    : "The \(applied.profile.rawValue) weights are now \(WeightsCommand.factors(applied.weights)) (were \(WeightsCommand.factors(applied.previous))).")
        }
    }
}
