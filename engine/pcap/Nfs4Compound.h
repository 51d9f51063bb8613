#pragma once

#include <cstdint>

// Lists the operations of an NFSv4 COMPOUND call from its arguments (after
// the RPC header). Arguments of the common operations are skipped to reach
// the next one; decoding stops at an operation whose arguments it cannot
// size (recorded, then complete = false).
struct Nfs4Compound
{
    static constexpr int kMaxOps = 12;
    uint16_t ops[kMaxOps] = {};
    uint8_t count = 0;        // ops listed
    uint32_t declared = 0;    // numops in the request
    bool complete = false;

    static Nfs4Compound parse(const uint8_t *args, uint32_t size);
    // The operation that says what the compound does: the first that is not
    // SEQUENCE/PUTFH/PUTROOTFH/PUTPUBFH/SAVEFH/RESTOREFH/GETFH/GETATTR,
    // else the last listed; 0 when none.
    uint16_t mainOperation() const;
};
