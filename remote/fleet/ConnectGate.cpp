#include "ConnectGate.h"

#include <chrono>

bool ConnectGate::acquire(const CancelToken &cancel)
{
    std::unique_lock lock(m_mutex);
    // Cancel is a flag without a notification: look at it every 100 ms.
    while (m_free == 0) {
        if (cancel.isCancelled())
            return false;
        m_freed.wait_for(lock, std::chrono::milliseconds(100));
    }
    if (cancel.isCancelled())
        return false;
    --m_free;
    return true;
}

void ConnectGate::release()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_free;
    }
    m_freed.notify_one();
}
