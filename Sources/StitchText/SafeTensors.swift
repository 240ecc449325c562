import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a safetensors file could not be read, with the file and the reason in the message.
public struct SafeTensorsError: Error, CustomStringConvertible, Sendable {
    /// The message: which file, which tensor when there is one, and what is wrong.
    public let description: String

    init(_ url: URL, _ reason: String) {
        description = "\(url.path): \(reason)"
    }
}

/// A safetensors file, memory-mapped read-only.
///
/// The format is an 8-byte little-endian header length `n`, then `n` bytes of JSON mapping each
/// tensor's name to its `dtype`, `shape` and `data_offsets` (begin and end, in bytes, relative to
/// the first byte after the header), then the raw little-endian tensor data. Opening a file checks
/// the whole header: every tensor's offsets lie inside the file and span exactly the bytes its
/// shape and dtype need. The data is never copied: ``floats(_:shape:)`` hands out a buffer into the
/// mapping, which stays valid while this object lives.
public final class SafeTensors: @unchecked Sendable {
    // Sendable: the mapping is read-only and nothing here changes after `init`.

    /// One tensor's entry in the header.
    public struct Tensor: Sendable, Equatable {
        /// The element type as the header spells it (`F32`, `I64`, `F16`, …).
        public let dtype: String
        /// The dimensions, outermost first (row-major, as PyTorch stores them).
        public let shape: [Int]
        /// The byte range of the data, relative to the first byte after the header.
        public let byteRange: Range<Int>
    }

    /// The file that is mapped.
    public let url: URL
    /// Every tensor in the header, by name (`__metadata__` is not a tensor and is left out).
    public let tensors: [String: Tensor]
    /// The free-form `__metadata__` strings of the header (empty when it has none).
    public let metadata: [String: String]

    private let base: UnsafeRawPointer
    private let mappedLength: Int
    private let dataStart: Int

    /// The bytes each element of a known dtype takes.
    static let elementSizes: [String: Int] = [
        "F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1,
        "U16": 2, "U32": 4, "U64": 8, "F8_E4M3": 1, "F8_E5M2": 1,
    ]

    /// Maps `url` and checks its header.
    ///
    /// - Throws: ``SafeTensorsError`` when the file cannot be opened, is shorter than its header
    ///   says, has a header that is not the JSON safetensors expects, or has a tensor whose offsets
    ///   fall outside the file or disagree with its shape.
    public init(contentsOf url: URL) throws {
        self.url = url
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw SafeTensorsError(url, "cannot open the file (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw SafeTensorsError(url, "cannot read the file's size (\(String(cString: strerror(errno))))")
        }
        let size = Int(status.st_size)
        guard size >= 8 else {
            throw SafeTensorsError(url, "truncated: \(size) bytes, fewer than the 8 of the header length")
        }
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else {
            throw SafeTensorsError(url, "cannot memory-map the file (\(String(cString: strerror(errno))))")
        }
        let base = UnsafeRawPointer(mapping)
        do {
            let parsed = try Self.parseHeader(base, size: size, url: url)
            self.tensors = parsed.tensors
            self.metadata = parsed.metadata
            self.dataStart = parsed.dataStart
        } catch {
            munmap(mapping, size)
            throw error
        }
        self.base = base
        self.mappedLength = size
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), mappedLength)
    }

    private static func parseHeader(
        _ base: UnsafeRawPointer, size: Int, url: URL
    ) throws -> (tensors: [String: Tensor], metadata: [String: String], dataStart: Int) {
        var headerLength: UInt64 = 0
        for index in 0..<8 {
            headerLength |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) << (8 * UInt64(index))
        }
        guard headerLength <= UInt64(size - 8) else {
            throw SafeTensorsError(
                url, "truncated: the header is \(headerLength) bytes long but only \(size - 8) bytes follow its length")
        }
        let dataStart = 8 + Int(headerLength)
        let headerBytes = Data(bytes: base + 8, count: Int(headerLength))
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: headerBytes)
        } catch {
            throw SafeTensorsError(url, "the header is not valid JSON (\(error.localizedDescription))")
        }
        guard let entries = json as? [String: Any] else {
            throw SafeTensorsError(url, "the header is not a JSON object")
        }
        let dataLength = size - dataStart
        var tensors: [String: Tensor] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in entries {
            if name == "__metadata__" {
                guard let strings = value as? [String: String] else {
                    throw SafeTensorsError(url, "__metadata__ is not an object of strings")
                }
                metadata = strings
                continue
            }
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                let shapeValues = entry["shape"] as? [Any], let offsetValues = entry["data_offsets"] as? [Any]
            else {
                throw SafeTensorsError(url, "tensor \(name): the header entry lacks dtype, shape or data_offsets")
            }
            guard let shape = integers(shapeValues), shape.allSatisfy({ $0 >= 0 }) else {
                throw SafeTensorsError(url, "tensor \(name): the shape is not a list of non-negative integers")
            }
            guard let offsets = integers(offsetValues), offsets.count == 2 else {
                throw SafeTensorsError(url, "tensor \(name): data_offsets is not a pair of integers")
            }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, begin <= end, end <= dataLength else {
                throw SafeTensorsError(
                    url,
                    "tensor \(name): data_offsets [\(begin), \(end)] fall outside the \(dataLength) bytes of data after the header"
                )
            }
            if let elementSize = elementSizes[dtype] {
                var count = 1
                var overflow = false
                for dimension in shape + [elementSize] {
                    let product = count.multipliedReportingOverflow(by: dimension)
                    count = product.partialValue
                    overflow = overflow || product.overflow
                }
                guard !overflow, count == end - begin else {
                    throw SafeTensorsError(
                        url,
                        "tensor \(name): shape \(shape) of \(dtype) needs \(overflow ? "more" : String(count)) bytes but data_offsets span \(end - begin)"
                    )
                }
            }
            tensors[name] = Tensor(dtype: dtype, shape: shape, byteRange: begin..<end)
        }
        return (tensors, metadata, dataStart)
    }

    private static func integers(_ values: [Any]) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(values.count)
        for value in values {
            guard let number = value as? Int else { return nil }
            result.append(number)
        }
        return result
    }

    /// The data of the `F32` tensor `name`, in row-major order, straight from the mapping.
    ///
    /// - Parameter shape: the shape the caller expects; a different one throws.
    /// - Throws: ``SafeTensorsError`` when the tensor is absent, is not `F32`, has another shape, or
    ///   does not start on a 4-byte boundary.
    public func floats(_ name: String, shape expected: [Int]? = nil) throws -> UnsafeBufferPointer<Float> {
        guard let tensor = tensors[name] else {
            throw SafeTensorsError(url, "has no tensor named \(name)")
        }
        guard tensor.dtype == "F32" else {
            throw SafeTensorsError(url, "tensor \(name) is \(tensor.dtype), not F32")
        }
        if let expected, expected != tensor.shape {
            throw SafeTensorsError(url, "tensor \(name) has shape \(tensor.shape), not \(expected)")
        }
        let offset = dataStart + tensor.byteRange.lowerBound
        guard offset % MemoryLayout<Float>.alignment == 0 else {
            throw SafeTensorsError(url, "tensor \(name) starts at byte \(offset), which is not a multiple of 4")
        }
        let count = tensor.byteRange.count / MemoryLayout<Float>.stride
        let pointer = (base + offset).assumingMemoryBound(to: Float.self)
        return UnsafeBufferPointer(start: pointer, count: count)
    }
}
