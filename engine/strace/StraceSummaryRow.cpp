#include "StraceSummaryRow.h"

QJsonObject StraceSummaryRow::toJson() const
{
    return QJsonObject{{QStringLiteral("pid"), pid},         {QStringLiteral("syscall"), syscall},
                       {QStringLiteral("calls"), calls},     {QStringLiteral("errors"), errors},
                       {QStringLiteral("total_us"), totalUs}, {QStringLiteral("avg_us"), avgUs},
                       {QStringLiteral("max_us"), maxUs},    {QStringLiteral("pct_time"), pctTime}};
}
