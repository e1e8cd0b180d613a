import CArgon2
import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// The 19 MiB each Argon2 hash works in, kept and handed out again rather than allocated per hash.
/// Left to malloc, each thread that ever hashed keeps its own 19 MiB in its arena (RSS grew past 120 MB);
/// given back to the system after each hash, every hash pays ~5,000 page faults (+35% time, measured with
/// bench/argon2_time.c). Kept here: at most one area per core stays resident, the rest is unmapped.
enum Argon2WorkAreas {
    private static let kept = NIOLockedValueBox<[(address: UInt, size: Int)]>([])
    private static let keepAtMost = System.coreCount

    /// libargon2's `allocate_cbk`.
    static let allocate: allocate_fptr = { memory, size in
        guard let memory else { return ARGON2_MEMORY_ALLOCATION_ERROR.rawValue }
        let reused = kept.withLockedValue { kept -> UInt? in
            guard let index = kept.firstIndex(where: { $0.size == size }) else { return nil }
            return kept.remove(at: index).address
        }
        if let reused {
            memory.pointee = UnsafeMutablePointer(bitPattern: reused)
            return ARGON2_OK.rawValue
        }
        let area = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let area, area != MAP_FAILED else { return ARGON2_MEMORY_ALLOCATION_ERROR.rawValue }
        memory.pointee = area.assumingMemoryBound(to: UInt8.self)
        return ARGON2_OK.rawValue
    }

    /// libargon2's `free_cbk`; the library has already wiped the area.
    static let free: deallocate_fptr = { memory, size in
        guard let memory else { return }
        let keep = kept.withLockedValue { kept -> Bool in
            guard kept.count < keepAtMost else { return false }
            kept.append((UInt(bitPattern: memory), size))
            return true
        }
        if !keep { munmap(memory, size) }
    }
}
