#pragma once

#include "collectors/Collector.h"

#include <QStringList>

// Takes N procfs snapshots of a host in one round trip (the embedded
// procfs-snapshot.sh on stdin of `sh -s`), streams the raw output into the
// case as it arrives, then parses, stores and triages it.
class ProcfsCollector : public Collector
{
public:
    struct Options
    {
        int samples = 1;
        double intervalS = 2.0;
        int stepTimeoutS = 20;  // bound of each step on the host
        QStringList services{QStringLiteral("rpc-statd"), QStringLiteral("rpcbind"), QStringLiteral("nfs-client.target")};
    };

    explicit ProcfsCollector(const Options &options) : m_options(options) {}
    QString kind() const override { return QStringLiteral("procfs"); }
    CollectorResult collect(Transport &transport, CollectionContext &context, const CancelToken &cancel) override;

    // The command line run on the host (the script comes on stdin).
    QString command() const;

private:
    Options m_options;
};
