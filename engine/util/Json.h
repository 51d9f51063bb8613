#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace Json {
// Compact UTF-8 text of an object/array, for storing in TEXT columns.
QString compact(const QJsonObject &object);
QString compact(const QJsonArray &array);
// Parses text stored by compact(); an empty or invalid text gives {}.
QJsonObject parseObject(const QString &text);
}
