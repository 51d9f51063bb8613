#include "StraceErrorRow.h"

QJsonObject StraceErrorRow::toJson() const
{
    return QJsonObject{{QStringLiteral("errno"), errnoName}, {QStringLiteral("text"), text},
                       {QStringLiteral("syscall"), syscall}, {QStringLiteral("count"), count},
                       {QStringLiteral("first_call_id"), firstCallId}};
}
