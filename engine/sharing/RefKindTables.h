#pragma once

#include <QString>
#include <QStringList>

// Which table a typed reference points into, found from the table names so
// later areas' kinds are covered: ref_kind 'artifact' -> artifacts,
// 'kernel-log-line' -> kernel_log_lines; an area's prefix may be left out
// ('snapshot' -> procfs_snapshots, 'rpc-call' -> pcap_rpc_calls) and a
// qualifier may be put in front ('kernel-event' -> events). A kind that names
// no table, or more than one, resolves to none.
class RefKindTables
{
public:
    explicit RefKindTables(const QStringList &tableNames) : m_tables(tableNames) {}

    QString tableFor(const QString &refKind) const;

private:
    QString exactOrSuffix(const QString &base) const;
    QStringList m_tables;
};
