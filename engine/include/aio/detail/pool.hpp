#pragma once
// A size-class free-list allocator for coroutine frames, tasks and futures:
// the loop creates and frees these by the hundred thousand, and malloc/free
// was the largest cost in the spawn benchmark (W1). Per thread, never shared.
// Sanitizer builds bypass it so AddressSanitizer sees every object's life.

#include <cstddef>

namespace aio::detail {

void* pool_allocate(std::size_t size);
void pool_deallocate(void* p, std::size_t size) noexcept;

// Mix-in giving a class pooled operator new/delete (sized delete, so the
// size class is known on the way back; virtual destructors pass the dynamic
// type's size).
struct Pooled {
    static void* operator new(std::size_t size) { return pool_allocate(size); }
    static void operator delete(void* p, std::size_t size) noexcept { pool_deallocate(p, size); }
};

}  // namespace aio::detail
