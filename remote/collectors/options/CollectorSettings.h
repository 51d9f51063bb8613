#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// The typed values of one collector's options (or of the host options), by
// option name, as CollectorOption describes them. Options not set read as
// their declared defaults through CollectorFactory::defaults().
class CollectorSettings
{
public:
    CollectorSettings() = default;
    explicit CollectorSettings(QVariantMap values) : m_values(std::move(values)) {}

    QVariant value(const QString &name) const { return m_values.value(name); }
    void set(const QString &name, const QVariant &value) { m_values.insert(name, value); }
    bool contains(const QString &name) const { return m_values.contains(name); }
    const QVariantMap &values() const { return m_values; }

    bool flag(const QString &name) const { return value(name).toBool(); }
    qint64 integer(const QString &name) const { return value(name).toLongLong(); }
    double seconds(const QString &name) const { return value(name).toDouble(); }
    QString text(const QString &name) const { return value(name).toString(); }
    QStringList list(const QString &name) const { return value(name).toStringList(); }
    QList<qint64> pids(const QString &name) const;

private:
    QVariantMap m_values;
};
