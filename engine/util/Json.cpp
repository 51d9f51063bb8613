#include "Json.h"

namespace Json {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

}
