#include "RpcTracker.h"

#include "Nfs4Compound.h"
#include "XdrCursor.h"
#include "util/SaturatingMath.h"

#include <algorithm>
#include <cstring>

namespace {
constexpr uint32_t kMaxFragment = 64u << 20;
constexpr uint32_t kCallHead = 1024;
constexpr uint32_t kReplyHead = 128;
constexpr uint32_t kPortmapReplyHead = 16384;

inline uint32_t be32(const uint8_t *p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}

bool plausibleFlavor(uint32_t f)
{
    return f <= 6 || (f >= 390003 && f <= 390005);
}

uint8_t protocolOfNetid(const uint8_t *s, uint32_t len)
{
    if (len >= 3 && std::memcmp(s, "tcp", 3) == 0)
        return 6;
    if (len >= 3 && std::memcmp(s, "udp", 3) == 0)
        return 17;
    return 0;
}

// Port from a universal address "h1.h2.h3.h4.p1.p2" (or IPv6 "...:x.p1.p2"); -1 if none.
int portOfUaddr(const uint8_t *s, uint32_t len)
{
    int dots[2] = {-1, -1};
    for (int i = int(len) - 1; i >= 0; --i) {
        if (s[i] == '.') {
            if (dots[1] < 0)
                dots[1] = i;
            else {
                dots[0] = i;
                break;
            }
        }
    }
    if (dots[0] < 0)
        return -1;
    auto num = [&](int from, int to) {
        int v = 0;
        if (from >= to)
            return -1;
        for (int i = from; i < to; ++i) {
            if (s[i] < '0' || s[i] > '9' || v > 255)
                return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v <= 255 ? v : -1;
    };
    const int hi = num(dots[0] + 1, dots[1]);
    const int lo = num(dots[1] + 1, int(len));
    if (hi < 0 || lo < 0)
        return -1;
    return hi * 256 + lo;
}
}

bool RpcTracker::parseCallHeader(const uint8_t *p, uint32_t n, uint32_t &prog, uint32_t &vers, uint32_t &proc,
                                 uint32_t &argsOffset)
{
    XdrCursor c(p, n);
    c.u32(); // xid
    if (c.u32() != 0 || c.u32() != 2)
        return false;
    prog = c.u32();
    vers = c.u32();
    proc = c.u32();
    if (!c.ok() || prog < 100000 || vers > 1000 || proc > 100000)
        return false;
    for (int i = 0; i < 2; ++i) { // credentials, verifier
        const uint32_t flavor = c.u32();
        uint32_t len;
        c.opaque(400, len);
        if (!c.ok() || !plausibleFlavor(flavor))
            return false;
    }
    argsOffset = n - c.remaining();
    return true;
}

bool RpcTracker::looksLikeRecordStart(uint32_t convIndex, const uint8_t *p, uint32_t n) const
{
    if (n < 12)
        return false;
    const uint32_t marker = be32(p);
    const uint32_t len = marker & 0x7fffffffu;
    if (len < 24 || len > kMaxFragment)
        return false;
    const uint32_t body = std::min(n - 4, len);
    const uint32_t mtype = be32(p + 8);
    if (mtype == 0) {
        uint32_t prog, vers, proc, off;
        return parseCallHeader(p + 4, body, prog, vers, proc, off);
    }
    if (mtype == 1)
        return m_pending.count(pendingKey(convIndex, be32(p + 4))) != 0;
    return false;
}

bool RpcTracker::probeTcp(uint32_t convIndex, Conversation &conv, int dir, const DecodedPacket &pkt, int64_t timeUs)
{
    if (!pkt.payload || pkt.payloadCaptured < 32)
        return false;
    const uint8_t *p = pkt.payload;
    if (be32(p + 8) != 0 || !looksLikeRecordStart(convIndex, p, pkt.payloadCaptured))
        return false;
    conv.rpc = int32_t(m_flows.size());
    m_flows.emplace_back();
    processTcp(convIndex, conv, dir, pkt, timeUs, true);
    return true;
}

void RpcTracker::onTcp(uint32_t convIndex, Conversation &conv, int dir, const DecodedPacket &pkt, int64_t timeUs)
{
    processTcp(convIndex, conv, dir, pkt, timeUs, true);
}

void RpcTracker::processTcp(uint32_t convIndex, Conversation &conv, int dir, const DecodedPacket &pkt, int64_t timeUs,
                            bool allowResync)
{
    Direction &d = m_flows[size_t(conv.rpc)].dir[dir];
    const uint32_t len = pkt.payloadLength;
    if (len == 0)
        return;
    const uint8_t *p = pkt.payload;
    const uint32_t cap = p ? pkt.payloadCaptured : 0;
    if (!d.synced) {
        if (cap < 12 || !looksLikeRecordStart(convIndex, p, cap))
            return;
        closeOpenReply(d);
        std::vector<uint8_t> keep;
        keep.swap(d.head);
        d = Direction();
        d.head.swap(keep);
        d.head.clear();
        d.synced = true;
        d.nextSeq = pkt.seq;
    }
    const int32_t delta = int32_t(pkt.seq - d.nextSeq);
    uint32_t skip = 0;
    if (delta > 0) {
        if (!gap(convIndex, dir, d, uint32_t(delta), pkt, timeUs)) {
            d.synced = false;
            if (allowResync)
                processTcp(convIndex, conv, dir, pkt, timeUs, false);
            return;
        }
    } else if (delta < 0) {
        skip = uint32_t(-int64_t(delta));
        if (skip >= len)
            return; // retransmitted data already seen
    }
    const uint32_t avail = cap > skip ? cap - skip : 0;
    d.nextSeq = pkt.seq + len;
    d.lastUs = timeUs;
    consume(convIndex, dir, d, p ? p + skip : nullptr, avail, pkt, timeUs);
    if (!d.synced)
        return;
    const uint32_t missing = len - skip - avail;
    if (missing && !gap(convIndex, dir, d, missing, pkt, timeUs))
        d.synced = false;
}

bool RpcTracker::gap(uint32_t convIndex, int dir, Direction &d, uint32_t n, const DecodedPacket &pkt, int64_t timeUs)
{
    if (!d.inFragment || n > d.fragRemaining)
        return false;
    if (!d.delivered)
        deliver(convIndex, dir, d, pkt, timeUs); // parse the part of the head we have
    d.fragRemaining -= n;
    if (d.fragRemaining == 0) {
        d.inFragment = false;
        if (d.lastFragment)
            recordEnd(d, timeUs);
    }
    return true;
}

void RpcTracker::consume(uint32_t convIndex, int dir, Direction &d, const uint8_t *p, uint32_t n,
                         const DecodedPacket &pkt, int64_t timeUs)
{
    while (n > 0) {
        if (!d.inFragment) {
            while (d.markerHave < 4 && n > 0) {
                d.marker[d.markerHave++] = *p++;
                --n;
            }
            if (d.markerHave < 4)
                return;
            d.markerHave = 0;
            const uint32_t word = be32(d.marker);
            const uint32_t flen = word & 0x7fffffffu;
            if (flen > kMaxFragment) {
                d.synced = false;
                return;
            }
            if (d.lastFragment) { // a new record begins
                d.head.clear();
                d.headWant = 8;
                d.headAdjusted = false;
                d.delivered = false;
                d.recordLength = 0;
            }
            d.recordLength += flen;
            d.lastFragment = (word & 0x80000000u) != 0;
            d.fragRemaining = flen;
            d.inFragment = flen > 0;
            if (!d.inFragment && d.lastFragment) {
                if (!d.delivered)
                    deliver(convIndex, dir, d, pkt, timeUs);
                recordEnd(d, timeUs);
            }
            continue;
        }
        uint32_t take = n < d.fragRemaining ? n : d.fragRemaining;
        if (!d.delivered && d.head.size() < d.headWant) {
            const uint32_t room = d.headWant - uint32_t(d.head.size());
            if (take > room)
                take = room;
            d.head.insert(d.head.end(), p, p + take);
            if (!d.headAdjusted && d.head.size() >= 8) {
                d.headAdjusted = true;
                const uint8_t *h = d.head.data();
                if (be32(h + 4) == 0) {
                    d.headWant = kCallHead;
                } else {
                    const auto it = m_pending.find(pendingKey(convIndex, be32(h)));
                    d.headWant = (it != m_pending.end() && it->second.program == 100000) ? kPortmapReplyHead : kReplyHead;
                }
            }
            if (d.head.size() >= d.headWant)
                deliver(convIndex, dir, d, pkt, timeUs);
        }
        p += take;
        n -= take;
        d.fragRemaining -= take;
        if (d.fragRemaining == 0) {
            d.inFragment = false;
            if (d.lastFragment) {
                if (!d.delivered)
                    deliver(convIndex, dir, d, pkt, timeUs);
                recordEnd(d, timeUs);
            }
        }
    }
}

void RpcTracker::deliver(uint32_t convIndex, int dir, Direction &d, const DecodedPacket &pkt, int64_t timeUs)
{
    d.delivered = true;
    if (d.head.size() >= 8)
        message(convIndex, dir, d.head.data(), uint32_t(d.head.size()), &d, pkt, timeUs);
}

void RpcTracker::recordEnd(Direction &d, int64_t timeUs)
{
    if (d.openCall) {
        d.openCall = false;
        const auto it = m_pending.find(d.openCallKey);
        if (it != m_pending.end()) {
            it->second.callUs = timeUs;
            if (it->second.stored >= 0)
                m_calls[size_t(it->second.stored)].callUs = timeUs;
        }
    }
    if (d.openReply) {
        d.openReply = false;
        addLatency(d.openReplyStats, d.openReplyStored, d.openReplyCallUs, timeUs);
    }
}

void RpcTracker::closeOpenReply(Direction &d)
{
    d.openCall = false;
    if (d.openReply) {
        d.openReply = false;
        addLatency(d.openReplyStats, d.openReplyStored, d.openReplyCallUs, d.lastUs);
    }
}

void RpcTracker::addLatency(uint32_t statsIndex, int32_t stored, int64_t callUs, int64_t replyUs)
{
    RpcProcedureStats &st = m_stats[statsIndex];
    const int64_t latency = SaturatingMath::sub(replyUs, callUs); // reader times are bounded; others need not be
    if (st.timed == 0 || latency < st.latencyMinUs)
        st.latencyMinUs = latency;
    if (st.timed == 0 || latency > st.latencyMaxUs)
        st.latencyMaxUs = latency;
    ++st.timed;
    st.latencySumUs = SaturatingMath::add(st.latencySumUs, latency);
    if (stored >= 0)
        m_calls[size_t(stored)].replyUs = replyUs;
}

bool RpcTracker::onUdp(uint32_t convIndex, int dir, const DecodedPacket &pkt, int64_t timeUs)
{
    if (!pkt.payload || pkt.payloadCaptured < 24)
        return false;
    const uint8_t *p = pkt.payload;
    if (p[4] | p[5] | p[6])
        return false;
    if (p[7] == 0) {
        if (be32(p + 8) != 2)
            return false;
    } else if (p[7] != 1 || m_pending.empty()) {
        return false;
    }
    return message(convIndex, dir, p, pkt.payloadCaptured, nullptr, pkt, timeUs);
}

uint32_t RpcTracker::statsFor(uint32_t prog, uint32_t vers, uint32_t proc, uint16_t op)
{
    const uint64_t key = (uint64_t(prog) << 40) ^ (uint64_t(vers & 0xff) << 32) ^ (uint64_t(proc & 0xffff) << 16) ^ op;
    auto it = m_statsIndex.find(key);
    if (it != m_statsIndex.end()) {
        const RpcProcedureStats &s = m_stats[it->second];
        if (s.program == prog && s.version == vers && s.procedure == proc && s.operation == op)
            return it->second;
    }
    // New (or a key collision on absurd numbers: then a linear search).
    for (uint32_t i = 0; it != m_statsIndex.end() && i < m_stats.size(); ++i) {
        const RpcProcedureStats &s = m_stats[i];
        if (s.program == prog && s.version == vers && s.procedure == proc && s.operation == op)
            return i;
    }
    RpcProcedureStats s;
    s.program = prog;
    s.version = vers;
    s.procedure = proc;
    s.operation = op;
    m_stats.push_back(s);
    const uint32_t index = uint32_t(m_stats.size() - 1);
    if (it == m_statsIndex.end())
        m_statsIndex.emplace(key, index);
    return index;
}

bool RpcTracker::message(uint32_t convIndex, int dir, const uint8_t *p, uint32_t n, Direction *d, const DecodedPacket &pkt,
                         int64_t timeUs)
{
    const bool tcp = d != nullptr;
    if (n < 8)
        return false;
    const uint32_t xid = be32(p);
    const uint32_t mtype = be32(p + 4);
    const uint64_t key = pendingKey(convIndex, xid);
    if (mtype == 0) {
        uint32_t prog, vers, proc, argsOff;
        if (!parseCallHeader(p, n, prog, vers, proc, argsOff))
            return false;
        auto it = m_pending.find(key);
        if (it != m_pending.end() && it->second.clientSide == dir) {
            ++it->second.retransmits;
            ++m_stats[it->second.statsIndex].retransmits;
            return true;
        }
        Pending pc;
        pc.callUs = timeUs;
        pc.program = prog;
        pc.version = vers;
        pc.procedure = proc;
        pc.clientSide = uint8_t(dir);
        if (prog == 100003 && vers == 4 && proc == 1) {
            const Nfs4Compound cmp = Nfs4Compound::parse(p + argsOff, n - argsOff);
            pc.opCount = cmp.count;
            std::copy(cmp.ops, cmp.ops + cmp.count, pc.ops);
            pc.operation = cmp.mainOperation();
        } else if (prog == 100000 && proc == 3) {
            XdrCursor a(p + argsOff, n - argsOff);
            pc.arg[0] = a.u32();
            pc.arg[1] = a.u32();
            if (vers <= 2) {
                pc.arg[2] = a.u32();
            } else {
                uint32_t len;
                const uint8_t *netid = a.opaque(64, len);
                pc.arg[2] = netid ? protocolOfNetid(netid, len) : 0;
            }
        }
        pc.statsIndex = statsFor(prog, vers, proc, pc.operation);
        RpcProcedureStats &st = m_stats[pc.statsIndex];
        ++st.calls;
        (tcp ? st.tcp : st.udp) = true;
        ++m_totalCalls;
        if (m_calls.size() < kMaxStoredCalls) {
            RpcCallRecord r;
            r.conversation = convIndex;
            r.clientSide = uint8_t(dir);
            r.xid = xid;
            r.program = prog;
            r.version = vers;
            r.procedure = proc;
            r.operation = pc.operation;
            r.opCount = pc.opCount;
            std::copy(pc.ops, pc.ops + pc.opCount, r.ops);
            r.callUs = timeUs;
            r.statsIndex = pc.statsIndex;
            m_calls.push_back(r);
            pc.stored = int32_t(m_calls.size() - 1);
        } else {
            m_callsCapped = true;
        }
        bool tracked = true;
        if (it != m_pending.end()) {
            it->second = pc;
        } else if (m_pending.size() < kMaxPending) {
            m_pending.emplace(key, pc);
        } else {
            ++m_untracked;
            tracked = false;
        }
        if (d && tracked) { // its time is when the record is complete
            d->openCall = true;
            d->openCallKey = key;
        }
        return true;
    }
    if (mtype != 1)
        return false;
    auto it = m_pending.find(key);
    if (it == m_pending.end() || it->second.clientSide == dir)
        return false;
    XdrCursor c(p + 8, n - 8);
    const uint32_t replyStat = c.u32();
    int32_t status = -1;
    uint32_t resultOffset = n;
    if (replyStat == 0) {
        c.u32(); // verifier flavor
        uint32_t len;
        c.opaque(400, len);
        const uint32_t accept = c.u32();
        if (c.ok()) {
            status = int32_t(accept);
            resultOffset = n - c.remaining();
        }
    } else if (replyStat == 1) {
        const uint32_t reject = c.u32();
        status = c.ok() ? int32_t(100 + reject) : 100;
    } else {
        return false;
    }
    const Pending call = it->second;
    m_pending.erase(it);
    onReply(d, call, p, n, pkt, timeUs, status, resultOffset);
    return true;
}

void RpcTracker::onReply(Direction *d, const Pending &call, const uint8_t *p, uint32_t n, const DecodedPacket &pkt,
                         int64_t timeUs, int32_t status, uint32_t resultOffset)
{
    ++m_totalReplies;
    RpcProcedureStats &st = m_stats[call.statsIndex];
    ++st.replies;
    if (status != 0)
        ++st.errors;
    if (call.stored >= 0) {
        RpcCallRecord &r = m_calls[size_t(call.stored)];
        r.status = status;
        r.retransmits = call.retransmits;
    }
    if (d) { // timed when its record is complete (recordEnd)
        closeOpenReply(*d);
        d->openReply = true;
        d->openReplyStats = call.statsIndex;
        d->openReplyStored = call.stored;
        d->openReplyCallUs = call.callUs;
    } else {
        addLatency(call.statsIndex, call.stored, call.callUs, timeUs);
    }
    if (call.program == 100000 && status == 0 && resultOffset < n)
        decodePortmapReply(call, p + resultOffset, n - resultOffset, pkt);
}

void RpcTracker::decodePortmapReply(const Pending &call, const uint8_t *res, uint32_t n, const DecodedPacket &pkt)
{
    XdrCursor c(res, n);
    RpcRegistration base;
    std::memcpy(base.server, pkt.src, 16);
    base.ipVersion = pkt.ipVersion;
    if (call.procedure == 3) { // GETPORT (v2) / GETADDR (v3, v4)
        RpcRegistration r = base;
        r.program = call.arg[0];
        r.version = call.arg[1];
        r.protocol = uint8_t(call.arg[2]);
        if (call.version <= 2) {
            r.port = c.u32();
        } else {
            uint32_t len;
            const uint8_t *ua = c.opaque(256, len);
            const int port = ua && len ? portOfUaddr(ua, len) : 0;
            r.port = port > 0 ? uint32_t(port) : 0;
        }
        if (c.ok())
            addRegistration(r);
        return;
    }
    if (call.procedure != 4) // DUMP
        return;
    for (int i = 0; i < 4096 && c.u32() == 1 && c.ok(); ++i) {
        RpcRegistration r = base;
        r.fromDump = true;
        r.program = c.u32();
        r.version = c.u32();
        if (call.version <= 2) {
            r.protocol = uint8_t(c.u32());
            r.port = c.u32();
        } else {
            uint32_t nl, al, ol;
            const uint8_t *netid = c.opaque(64, nl);
            const uint8_t *addr = c.opaque(256, al);
            c.opaque(256, ol);
            if (!c.ok())
                break;
            r.protocol = protocolOfNetid(netid, nl);
            std::memcpy(r.netid, netid, std::min<uint32_t>(nl, sizeof r.netid - 1));
            const int port = portOfUaddr(addr, al);
            if (r.protocol == 0 || port <= 0)
                continue; // local (AF_UNIX) registrations
            r.port = uint32_t(port);
        }
        if (!c.ok())
            break;
        addRegistration(r);
    }
}

void RpcTracker::addRegistration(const RpcRegistration &r)
{
    for (RpcRegistration &e : m_registrations) {
        if (e.program == r.program && e.version == r.version && e.protocol == r.protocol && e.port == r.port
            && e.ipVersion == r.ipVersion && std::memcmp(e.server, r.server, 16) == 0) {
            e.fromDump = e.fromDump || r.fromDump;
            return;
        }
    }
    if (m_registrations.size() < 4096)
        m_registrations.push_back(r);
}

void RpcTracker::finish()
{
    for (Flow &f : m_flows)
        for (Direction &d : f.dir)
            closeOpenReply(d);
    std::vector<std::pair<uint64_t, const Pending *>> open;
    for (auto &[key, pc] : m_pending) {
        ++m_stats[pc.statsIndex].unanswered;
        if (pc.stored >= 0)
            m_calls[size_t(pc.stored)].retransmits = pc.retransmits;
        else
            open.emplace_back(key, &pc);
    }
    std::sort(open.begin(), open.end(), [](const auto &a, const auto &b) { return a.second->callUs < b.second->callUs; });
    for (const auto &[key, pc] : open) {
        if (m_calls.size() >= 2 * kMaxStoredCalls) {
            m_callsCapped = true;
            break;
        }
        RpcCallRecord r;
        r.conversation = uint32_t(key >> 32);
        r.xid = uint32_t(key);
        r.clientSide = pc->clientSide;
        r.program = pc->program;
        r.version = pc->version;
        r.procedure = pc->procedure;
        r.operation = pc->operation;
        r.opCount = pc->opCount;
        std::copy(pc->ops, pc->ops + pc->opCount, r.ops);
        r.callUs = pc->callUs;
        r.retransmits = pc->retransmits;
        r.statsIndex = pc->statsIndex;
        m_calls.push_back(r);
    }
    m_pending.clear();
}
