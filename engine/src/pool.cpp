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

struct Pools {
    FreeBlock* heads[kClasses] = {};
    std::vector<void*> chunks;
    ~Pools() {
        for (void* c : chunks) ::operator delete(c);
    }
    void refill(std::size_t cls) {
        std::size_t block = (cls + 1) * kGrain;
        char* chunk = static_cast<char*>(::operator new(kChunk));
        chunks.push_back(chunk);
        std::size_t count = kChunk / block;
        for (std::size_t i = count; i-- > 0;) {
            auto* b = reinterpret_cast<FreeBlock*>(chunk + i * block);
            b->next = heads[cls];
            heads[cls] = b;
        }
    }
};

thread_local Pools t_pools;
}  // namespace

void* pool_allocate(std::size_t size) {
    if (size == 0 || size > kMaxPooled) return ::operator new(size);
    std::size_t cls = (size - 1) / kGrain;
    FreeBlock*& head = t_pools.heads[cls];
    if (!head) t_pools.refill(cls);
    FreeBlock* b = head;
    head = b->next;
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
    b->next = t_pools.heads[cls];
    t_pools.heads[cls] = b;
}
#else
void* pool_allocate(std::size_t size) { return ::operator new(size); }
void pool_deallocate(void* p, std::size_t) noexcept { ::operator delete(p); }
#endif

}  // namespace aio::detail
