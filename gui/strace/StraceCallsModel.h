#pragma once

#include <QAbstractTableModel>
#include "strace/StraceCallRow.h"

#include <QList>

// System calls as StraceQuery returns them (hung, slowest, grep): PID,
// syscall, how long it took (or, for calls that never returned, how long it
// had waited when the trace ended), when it started, how it ended, where it
// is in which log, and the call as strace printed it.
class StraceCallsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Pid, Syscall, Duration, Started, Outcome, Source, Call, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, CallIdRole, ArtifactIdRole, LineRole };
    // Hung names the duration column "Waited", Completed "Took".
    enum class Kind { Hung, Completed };

    explicit StraceCallsModel(Kind kind, QObject *parent = nullptr);
    void setCalls(const QList<StraceCallRow> &rows);
    const StraceCallRow &call(int row) const { return m_rows[row]; }
    int rowOf(qint64 callId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "trace ended", "strace detached", "ENOENT", "= 0", "signal".
    static QString outcome(const StraceCallRow &row);

private:
    Kind m_kind;
    QList<StraceCallRow> m_rows;
    QList<QString> m_callText; // formatCall, one line, computed once
};
