#include "Nfs4Compound.h"

#include "XdrCursor.h"

namespace {
bool skipBitmap(XdrCursor &c)
{
    const uint32_t n = c.u32();
    if (n > 64)
        return false;
    return c.skip(n * 4);
}
bool skipOpaque(XdrCursor &c, uint32_t max = 65536)
{
    uint32_t len;
    c.opaque(max, len);
    return c.ok();
}
// Skips op's arguments; false when unknown or malformed.
bool skipArgs(uint32_t op, XdrCursor &c)
{
    switch (op) {
    case 10: case 16: case 23: case 24: case 27: case 31: case 32: // no arguments
        return true;
    case 3: return c.skip(4);                          // ACCESS
    case 4: return c.skip(20);                         // CLOSE seqid + stateid
    case 5: return c.skip(12);                         // COMMIT
    case 8: case 44: case 45: return c.skip(16);       // DELEGRETURN, DESTROY_SESSION, FREE_STATEID
    case 9: return skipBitmap(c);                      // GETATTR
    case 15: case 28: case 33: return skipOpaque(c);   // LOOKUP, REMOVE, SECINFO
    case 29: return skipOpaque(c) && skipOpaque(c);    // RENAME
    case 22: return skipOpaque(c, 128);                // PUTFH
    case 25: return c.skip(28);                        // READ
    case 26: return c.skip(24) && skipBitmap(c);       // READDIR
    case 30: case 57: return c.skip(8);                // RENEW, DESTROY_CLIENTID
    case 14: return c.skip(40);                        // LOCKU
    case 13: c.skip(20); return c.skip(8) && skipOpaque(c, 1024); // LOCKT type offset length owner(clientid+opaque)
    case 34: return c.skip(16) && skipBitmap(c) && skipOpaque(c); // SETATTR
    case 37: case 17: return skipBitmap(c) && skipOpaque(c);      // VERIFY, NVERIFY
    case 52: case 58: return c.skip(4);                // SECINFO_NO_NAME, RECLAIM_COMPLETE
    case 53: return c.skip(32);                        // SEQUENCE
    case 39: return c.skip(8) && skipOpaque(c, 1024);  // RELEASE_LOCKOWNER
    case 55: {                                         // TEST_STATEID
        const uint32_t n = c.u32();
        return n <= 1024 && c.skip(n * 16);
    }
    default:
        return false;
    }
}
}

Nfs4Compound Nfs4Compound::parse(const uint8_t *args, uint32_t size)
{
    Nfs4Compound r;
    XdrCursor c(args, size);
    uint32_t tagLen;
    c.opaque(1024, tagLen); // tag
    c.u32();                // minorversion
    r.declared = c.u32();
    if (!c.ok())
        return r;
    for (uint32_t i = 0; i < r.declared && r.count < kMaxOps; ++i) {
        const uint32_t op = c.u32();
        if (!c.ok())
            return r;
        r.ops[r.count++] = uint16_t(op > 0xffff ? 0xffff : op);
        if (!skipArgs(op, c) || !c.ok())
            return r;
    }
    r.complete = r.count == r.declared;
    return r;
}

uint16_t Nfs4Compound::mainOperation() const
{
    for (int i = 0; i < count; ++i) {
        switch (ops[i]) {
        case 53: case 22: case 24: case 23: case 32: case 31: case 10: case 9:
            continue;
        default:
            return ops[i];
        }
    }
    return count ? ops[count - 1] : 0;
}
