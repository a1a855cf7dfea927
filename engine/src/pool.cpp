// Size classes of 16 bytes up to 1 KiB, each a free list carved from 64 KiB
// chunks. Memory returns to the free list, not to the system, until the
// thread ends — a deliberate trade for speed in a loop that churns objects.

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
constexpr std::size_t kChunk = 64 * 1024;

struct FreeBlock {
    FreeBlock* next;
};

// The free lists are plain thread_local data (no constructor or destructor),
// so the hot path reads them without a thread_local initialisation check;
// the chunks, touched only when a list runs dry, are freed when the thread ends.
thread_local FreeBlock* t_heads[kClasses];

struct Chunks {
    std::vector<void*> chunks;
    ~Chunks() {
        for (void* c : chunks) ::operator delete(c);
    }
};

[[gnu::noinline]] void refill(std::size_t cls) {
    thread_local Chunks t_chunks;
    std::size_t block = (cls + 1) * kGrain;
    char* chunk = static_cast<char*>(::operator new(kChunk));
    t_chunks.chunks.push_back(chunk);
    std::size_t count = kChunk / block;
    FreeBlock*& head = t_heads[cls];
    for (std::size_t i = count; i-- > 0;) {
        auto* b = reinterpret_cast<FreeBlock*>(chunk + i * block);
        b->next = head;
        head = b;
    }
}
}  // namespace

void* pool_allocate(std::size_t size) {
    if (size == 0 || size > kMaxPooled) return ::operator new(size);
    std::size_t cls = (size - 1) / kGrain;
    if (!t_heads[cls]) refill(cls);
    FreeBlock* b = t_heads[cls];
    t_heads[cls] = b->next;
    return b;
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
