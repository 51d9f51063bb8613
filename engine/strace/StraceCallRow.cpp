#include "StraceCallRow.h"

#include "StraceCall.h"

namespace {
template <typename T>
QJsonValue orNull(const std::optional<T> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}
}

QString StraceCallRow::unfinishedReasonName(int unfinished)
{
    switch (unfinished) {
    case StraceCall::TraceEnded: return QStringLiteral("trace-ended");
    case StraceCall::Detached: return QStringLiteral("detached");
    case StraceCall::ProcessEnded: return QStringLiteral("process-ended");
    default: return {};
    }
}

bool StraceCallRow::isDetached() const
{
    return unfinished == StraceCall::Detached;
}

QString StraceCallRow::unfinishedReason() const
{
    return unfinishedReasonName(unfinished);
}

QString StraceCallRow::processText() const
{
    return pid ? QStringLiteral("pid %1").arg(pid) : QStringLiteral("an unknown process");
}

QString StraceCallRow::formatted() const
{
    if (signal)
        return QStringLiteral("--- %1 %2 ---").arg(syscall, args);
    if (unfinished)
        return QStringLiteral("%1(%2 <unfinished ...>%3").arg(syscall, args, isDetached() ? QStringLiteral(" <detached ...>") : QString());
    QString r = retText.value_or(QString());
    if (r.isEmpty()) {
        r = ret ? QString::number(*ret) : QStringLiteral("?");
        if (fdPath && !fdInferred && !args.contains(QLatin1Char('<')))
            r += QLatin1Char('<') + *fdPath + QLatin1Char('>');
    }
    QString s = QStringLiteral("%1(%2) = %3").arg(syscall, args, r);
    if (errnoName)
        s += QLatin1Char(' ') + *errnoName;
    return s;
}

QJsonObject StraceCallRow::toJson() const
{
    QJsonObject o{{QStringLiteral("call_id"), callId},
                  {QStringLiteral("trace_id"), traceId},
                  {QStringLiteral("trace"), trace},
                  {QStringLiteral("line"), line},
                  {QStringLiteral("pid"), pid},
                  {QStringLiteral("time_us"), orNull(timeUs)},
                  {QStringLiteral("time"), time},
                  {QStringLiteral("signal"), signal},
                  {QStringLiteral("syscall"), syscall},
                  {QStringLiteral("args"), args},
                  {QStringLiteral("ret"), orNull(ret)},
                  {QStringLiteral("ret_text"), orNull(retText)},
                  {QStringLiteral("errno"), orNull(errnoName)},
                  {QStringLiteral("duration_us"), orNull(durationUs)},
                  {QStringLiteral("unfinished"), unfinished != 0},
                  {QStringLiteral("fd"), orNull(fd)},
                  {QStringLiteral("fd_path"), orNull(fdPath)},
                  {QStringLiteral("artifact_id"), orNull(artifactId)},
                  {QStringLiteral("host"), host},
                  {QStringLiteral("collection_id"), orNull(collectionId)}};
    if (unfinished)
        o.insert(QStringLiteral("unfinished_reason"), unfinishedReason());
    if (fdInferred && fdPath)
        o.insert(QStringLiteral("fd_inferred"), true);
    return o;
}
