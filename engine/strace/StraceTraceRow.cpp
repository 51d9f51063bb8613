#include "StraceTraceRow.h"

namespace {
QJsonValue orNull(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}
}

QJsonObject StraceTraceRow::toJson() const
{
    return QJsonObject{{QStringLiteral("trace_id"), traceId},     {QStringLiteral("collection_id"), collectionId},
                       {QStringLiteral("host"), host},            {QStringLiteral("name"), name},
                       {QStringLiteral("file_pid"), orNull(filePid)}, {QStringLiteral("time_style"), timeStyle},
                       {QStringLiteral("has_durations"), hasDurations}, {QStringLiteral("lines"), lines},
                       {QStringLiteral("bytes"), bytes},          {QStringLiteral("calls"), calls},
                       {QStringLiteral("unfinished"), unfinished}, {QStringLiteral("unparsed"), unparsed},
                       {QStringLiteral("first_us"), orNull(firstUs)}, {QStringLiteral("last_us"), orNull(lastUs)},
                       {QStringLiteral("detached"), detached},   {QStringLiteral("truncated_tail"), truncatedTail},
                       {QStringLiteral("status"), status},       {QStringLiteral("artifact_id"), orNull(artifactId)},
                       {QStringLiteral("sha256"), sha256}};
}
