#include "StraceFdRow.h"

QJsonObject StraceFdRow::toJson() const
{
    QJsonObject o{{QStringLiteral("pid"), pid},     {QStringLiteral("fd"), fd},
                  {QStringLiteral("path"), path},   {QStringLiteral("calls"), calls},
                  {QStringLiteral("first_us"), firstUs ? QJsonValue(*firstUs) : QJsonValue()},
                  {QStringLiteral("first_call_id"), firstCallId}};
    if (inferred)
        o.insert(QStringLiteral("inferred"), true);
    return o;
}
