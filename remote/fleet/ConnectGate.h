#pragma once

#include "util/CancelToken.h"

#include <condition_variable>
#include <mutex>

// Bounds how many connections of a fan-out are being set up (TCP, key
// exchange, authentication) at the same moment, whatever --jobs allows to run
// at once: hundreds of handshakes started together on a busy machine (or into
// one server's MaxStartups) run past their ConnectTimeout, while the same
// hosts queued a few at a time all get through. A host's connect timeout
// starts when it passes the gate.
class ConnectGate
{
public:
    explicit ConnectGate(int capacity) : m_free(capacity < 1 ? 1 : capacity) {}

    // Waits for a slot; false (no slot taken) when cancel fires first.
    bool acquire(const CancelToken &cancel);
    void release();

    // Holds a slot for its lifetime once acquire() succeeded.
    class Slot
    {
    public:
        Slot(ConnectGate &gate, const CancelToken &cancel) : m_gate(gate), m_held(gate.acquire(cancel)) {}
        ~Slot() { reset(); }
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;
        bool held() const { return m_held; }
        void reset()
        {
            if (m_held)
                m_gate.release();
            m_held = false;
        }

    private:
        ConnectGate &m_gate;
        bool m_held;
    };

private:
    std::mutex m_mutex;
    std::condition_variable m_freed;
    int m_free;
};
