#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// Text for the network pane: sizes, durations, endpoints and well-known
// service names, built from PcapQuery rows. Everything from a capture is
// untrusted; callers show these strings as plain text.
class NetworkText
{
    Q_DECLARE_TR_FUNCTIONS(NetworkText)

public:
    static QString bytes(qint64 bytes);               // "383 bytes", "1.2 MiB"
    static QString duration(qint64 us);                // "0.016 ms", "4.10 s", "2 min 3 s"
    static QString millis(const QJsonValue &us);       // "0.117" or "–" when null
    static QString clock(qint64 us);                   // "12:06:19.086" UTC
    static QString endpoint(const QString &address, qint64 port, qint64 ipVersion);
    // "nfs", "portmapper"... for the ports an NFS investigation meets; "" otherwise.
    static QString service(qint64 port, const QString &protocol);
    static QString rpcProgram(const QJsonObject &row); // "nlockmgr v4 (100021)"
    static qint64 integer(const QJsonObject &row, const char *key);
    static QString text(const QJsonObject &row, const char *key);
    // Makes control characters visible (\n, \x1b...) so untrusted text stays one plain line.
    static QString oneLine(const QString &text);
};
