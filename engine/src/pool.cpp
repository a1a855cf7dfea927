// Size classes of 16 bytes up to 1 KiB. A freed block goes on its class's
// free list; an empty list takes fresh blocks from the current chunk by
// bumping a pointer, so new memory is touched once, when an object is built
// in it (linking a whole chunk into the list up front wrote every block an
// extra time — first touch of new memory was a large part of W1 in Wasm).
// Chunks grow from 64 KiB to 1 MiB as the program allocates more. Memory
// returns to the free lists, not to the system, until the thread ends — a
// deliberate trade for speed in a loop that churns objects.

#include "aio/detail/pool.hpp"

#include <new>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define AIO_POOL_DISABLED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AIO_POOL_DISABLED 1
#endif
#endif

namespace aio::detail {

#ifndef AIO_POOL_DISABLED
namespace {
constexpr std::size_t kGrain = 16;
constexpr std::size_t kMaxPooled = 1024;
constexpr std::size_t kClasses = kMaxPooled / kGrain;
constexpr std::size_t kFirstChunk = 64 * 1024;
constexpr std::size_t kMaxChunk = 1024 * 1024;

struct FreeBlock {
    FreeBlock* next;
};

// Plain thread_local data (no constructor or destructor), so the hot path
// reads it without a thread_local initialisation check; the chunks, touched
// only when a chunk runs out, are freed when the thread ends.
thread_local FreeBlock* t_heads[kClasses];
thread_local char* t_bump;      // next unused byte of the current chunk
thread_local char* t_bump_end;  // end of the current chunk

struct Chunks {
    std::vector<void*> chunks;
    std::size_t next_size = kFirstChunk;
    ~Chunks() {
        for (void* c : chunks) ::operator delete(c);
    }
};

// The current chunk cannot hold `block`: start a new one (the rest of the
// old one, less than a block, is left unused).
[[gnu::noinline]] void* allocate_from_new_chunk(std::size_t block) {
    thread_local Chunks t_chunks;
    std::size_t size = t_chunks.next_size;
    if (size < kMaxChunk) t_chunks.next_size = size * 2;
    t_chunks.chunks.reserve(t_chunks.chunks.size() + 1);  // so push_back cannot leak the chunk
    char* chunk = static_cast<char*>(::operator new(size));
    t_chunks.chunks.push_back(chunk);
    t_bump = chunk + block;
    t_bump_end = chunk + size;
    return chunk;
}
}  // namespace

void* pool_allocate(std::size_t size) {
    if (size == 0 || size > kMaxPooled) return ::operator new(size);
    std::size_t cls = (size - 1) / kGrain;
    if (FreeBlock* b = t_heads[cls]) {
        t_heads[cls] = b->next;
        return b;
    }
    std::size_t block = (cls + 1) * kGrain;
    if (std::size_t(t_bump_end - t_bump) < block) return allocate_from_new_chunk(block);
    void* p = t_bump;
    t_bump += block;
    return p;
}

void pool_deallocate(void* p, std::size_t size) noexcept {
    if (!p) return;
    if (size == 0 || size > kMaxPooled) {
        ::operator delete(p);
        return;
    }
    std::size_t cls = (size - 1) / kGrain;
    auto* b = static_cast<FreeBlock*>(p);
    b->next = t_heads[cls];
    t_heads[cls] = b;
}
#else
void* pool_allocate(std::size_t size) { return ::operator new(size); }
void pool_deallocate(void* p, std::size_t) noexcept { ::operator delete(p); }
#endif

}  // namespace aio::detail
