#include "StraceProcessRow.h"

namespace {
template <typename T>
QJsonValue orNull(const std::optional<T> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}
}

QJsonObject StraceProcessRow::toJson() const
{
    return QJsonObject{{QStringLiteral("collection_id"), collectionId}, {QStringLiteral("pid"), pid},
                       {QStringLiteral("parent_pid"), orNull(parentPid)}, {QStringLiteral("exec"), orNull(exec)},
                       {QStringLiteral("first_us"), orNull(firstUs)},    {QStringLiteral("last_us"), orNull(lastUs)},
                       {QStringLiteral("calls"), calls},                 {QStringLiteral("exit_code"), orNull(exitCode)},
                       {QStringLiteral("killed_by"), orNull(killedBy)},  {QStringLiteral("core_dumped"), coreDumped},
                       {QStringLiteral("trace_id"), orNull(traceId)}};
}
