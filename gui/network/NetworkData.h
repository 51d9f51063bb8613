#pragma once

#include "util/CancelToken.h"

#include <QHash>
#include <QJsonArray>
#include <QString>

class CaseFile;

// What the network pane shows, read in one go on the reader thread: every
// capture (for the selector) and, for the chosen capture (0 = all), the
// conversations, silent peers, RPC tables, port breakdown and pcap findings.
struct NetworkData
{
    qint64 captureId = 0;       // what the tables below are for
    QJsonArray captures;        // PcapQuery::captures(0): overview, interfaces, warnings
    QJsonArray conversations;
    QJsonArray silentPeers;
    QJsonArray rpcProcedures;
    QJsonArray rpcCalls;        // every stored call; the pane filters the unanswered ones
    QJsonArray rpcRegistrations;
    QJsonArray ports;
    QJsonArray findings;        // {capture_id, severity, title} of findings drawn from captures
    QHash<qint64, QString> hostNames; // hosts.id -> name, for the captures' attribution

    // Throws CaseError. A case older than the capture tables gives no captures.
    static NetworkData load(CaseFile &cf, qint64 captureId, const CancelToken &cancel);
};
