#pragma once

#include <atomic>
#include <memory>

// Shared cancellation flag. Copies refer to the same flag; any holder may
// cancel, long-running work polls isCancelled() at safe points.
class CancelToken
{
public:
    CancelToken() : m_flag(std::make_shared<std::atomic_bool>(false)) {}
    void cancel() const noexcept { m_flag->store(true, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};
