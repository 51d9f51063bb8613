#pragma once

#include "Conversation.h"

#include <cstdint>
#include <vector>

// Open-addressing hash map from FlowKey to Conversation (linear probing,
// power-of-two slots, load <= 1/2). Conversations live in one vector in order
// of first appearance; memory grows with the number of flows only.
class FlowTable
{
public:
    FlowTable() { m_slots.assign(1 << 12, 0); }

    // Returns the conversation's index, creating it if new (created set).
    uint32_t findOrInsert(const FlowKey &key, bool &created)
    {
        const uint64_t mask = m_slots.size() - 1;
        uint64_t i = key.hash() & mask;
        for (;;) {
            const uint32_t s = m_slots[i];
            if (s == 0)
                break;
            if (m_convs[s - 1].key == key) {
                created = false;
                return s - 1;
            }
            i = (i + 1) & mask;
        }
        created = true;
        m_convs.emplace_back();
        m_convs.back().key = key;
        const uint32_t index = uint32_t(m_convs.size() - 1);
        m_slots[i] = index + 1;
        if (m_convs.size() * 2 > m_slots.size())
            grow();
        return index;
    }
    // Index of an existing conversation or -1.
    int64_t find(const FlowKey &key) const
    {
        const uint64_t mask = m_slots.size() - 1;
        uint64_t i = key.hash() & mask;
        for (;;) {
            const uint32_t s = m_slots[i];
            if (s == 0)
                return -1;
            if (m_convs[s - 1].key == key)
                return s - 1;
            i = (i + 1) & mask;
        }
    }

    Conversation &at(uint32_t index) { return m_convs[index]; }
    const Conversation &at(uint32_t index) const { return m_convs[index]; }
    const std::vector<Conversation> &all() const { return m_convs; }
    std::vector<Conversation> &all() { return m_convs; }
    size_t size() const { return m_convs.size(); }

private:
    void grow()
    {
        std::vector<uint32_t> table(m_slots.size() * 2, 0);
        const uint64_t mask = table.size() - 1;
        for (uint32_t idx = 0; idx < m_convs.size(); ++idx) {
            uint64_t i = m_convs[idx].key.hash() & mask;
            while (table[i] != 0)
                i = (i + 1) & mask;
            table[i] = idx + 1;
        }
        m_slots.swap(table);
    }

    std::vector<uint32_t> m_slots;
    std::vector<Conversation> m_convs;
};
