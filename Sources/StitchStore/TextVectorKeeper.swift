import Dispatch
import Foundation
public import StitchApplication
import Synchronization

/// Keeps the text model's vectors in the store for a daemon: loads them into the embedder at
/// start-up (``preload()``), then saves the vectors embedded since (a community's terms, the
/// terms a write or a rebuild brings, the words of requests) every few seconds and once more at
/// ``stop()``, so the next start embeds only what is new.
///
/// Saving is best effort, as the vectors are a cache: a failed save is logged (with counts only,
/// never texts) and retried at the next tick. ``stop()`` must be called before the store is
/// closed; it waits for a save under way and makes the last one.
public final class TextVectorKeeper: Sendable {
    /// The store the vectors are kept in.
    public let store: SQLiteCommunityStore
    /// The embedder they are loaded into and taken from.
    public let embedder: TextModelEmbedder
    /// The model's identity (``StitchApplication/TextModelIdentity``), the key they are kept under.
    public let model: String

    private struct State {
        var timer: Timer?
        /// Vectors drained but not yet saved (a save failed).
        var pending: [(text: String, vector: [Float])] = []
        var stopped = false
        var saved = 0
    }

    /// A dispatch timer, which is safe to cancel from any thread.
    private struct Timer: @unchecked Sendable {
        let source: any DispatchSourceTimer
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "stitch.text-vectors")
    private let log: @Sendable (String) -> Void

    /// A keeper for `embedder`'s vectors in `store`; `nil` when the embedder cannot tell which
    /// model it is (its vectors are then never kept).
    ///
    /// - Parameter log: where counts of vectors loaded and saved, and failures, are written.
    public init?(store: SQLiteCommunityStore, embedder: TextModelEmbedder, log: @escaping @Sendable (String) -> Void) {
        guard let model = embedder.identity else { return nil }
        self.store = store
        self.embedder = embedder
        self.model = model
        self.log = log
    }

    /// Loads the vectors kept for this model into the embedder, and returns how many it took.
    @discardableResult
    public func preload() -> Int {
        do {
            let stored = try store.loadVectors(model: model, dimension: embedder.dimension)
            let taken = embedder.preload(stored.entries)
            var message = "loaded \(taken) text vectors from the database"
            if stored.skipped > 0 { message += " (\(stored.skipped) unreadable, skipped: they will be embedded again)" }
            log(message)
            return taken
        } catch {
            log("could not load the text vectors from the database (\(error)); every text will be embedded")
            return 0
        }
    }

    /// Saves the vectors embedded so far, then again every `interval` seconds while the keeper runs.
    public func start(every interval: Double = 5) {
        queue.sync { save(announce: true) }
        let timer = Timer(source: DispatchSource.makeTimerSource(queue: queue))
        timer.source.schedule(deadline: .now() + interval, repeating: interval)
        timer.source.setEventHandler { [weak self] in self?.save() }
        let started = state.withLock { state -> Bool in
            guard !state.stopped else { return false }
            state.timer = timer
            return true
        }
        if !started { timer.source.cancel() }
        // A dispatch source must not be released suspended; a cancelled one never fires.
        timer.source.resume()
    }

    /// Stops the timer, waits for a save under way, and saves what is left. Safe to call more
    /// than once and from any thread; the store may be closed once it returns.
    public func stop() {
        let (timer, first) = state.withLock { state -> (Timer?, Bool) in
            defer {
                state.stopped = true
                state.timer = nil
            }
            return (state.timer, !state.stopped)
        }
        timer?.source.cancel()
        queue.sync { if first { save(final: true, announce: true) } }
    }

    /// How many vectors this keeper has saved.
    public var savedCount: Int { state.withLock { $0.saved } }

    /// Saves the vectors drained since the last save (on `queue`); logs the count when
    /// `announce` (the first and the last save: the ticks between are quiet).
    private func save(final: Bool = false, announce: Bool = false) {
        let entries = state.withLock { state -> [(text: String, vector: [Float])] in
            guard final || !state.stopped else { return [] }
            let entries = state.pending + embedder.drainNew()
            state.pending = []
            return entries
        }
        guard !entries.isEmpty else { return }
        do {
            try store.saveVectors(model: model, entries)
            state.withLock { $0.saved += entries.count }
            if announce { log("kept \(entries.count) new text vectors in the database") }
        } catch {
            state.withLock { $0.pending = entries + $0.pending }
            log("could not keep \(entries.count) text vectors in the database (\(error)); will retry")
        }
    }
}
