#pragma once

#include <QtGlobal>

class SqliteDatabase;

// Draws findings from a stored capture summary, each linked to its evidence
// (ref_kind 'conversation' = pcap_conversations.id, 'rpc-call' =
// pcap_rpc_calls.id):
//   silent-peer        destinations sent packets that never answered (seed 003)
//   connection-refused SYNs answered by RST
//   rpc-unanswered     RPC programs called but never answered (seed 004: lockd)
//   rpc-unregistered   programs the portmapper says are not registered, or
//                      answered prog_unavail (seed 004: status not running)
//   tcp-reset          established connections reset
//   retransmissions    retransmission storms
//   zero-window        receivers that closed their window
// and timeline events (source 'pcap', kind 'conversation'), one per
// conversation, the telling ones first, at most kMaxConversationEvents.
class PcapAnalyzer
{
public:
    explicit PcapAnalyzer(SqliteDatabase &db) : m_db(db) {}
    // Replaces the pcap findings of the collection; returns how many were made.
    int analyze(qint64 captureId, qint64 collectionId, qint64 hostId);

    static constexpr int kMaxConversationEvents = 5000;

private:
    void addConversationEvents(qint64 captureId, qint64 collectionId, qint64 hostId);
    SqliteDatabase &m_db;
};
