#include "CollectorOptionSet.h"

#include <QCommandLineParser>
#include <QRegularExpression>

const CollectorOption *CollectorOptionSet::find(const QString &name) const
{
    for (const CollectorOption &o : m_options)
        if (o.name == name)
            return &o;
    return nullptr;
}

CollectorSettings CollectorOptionSet::defaults() const
{
    CollectorSettings s;
    for (const CollectorOption &o : m_options)
        s.set(o.name, o.normalise(o.defaultValue));
    return s;
}

CollectorSettings CollectorOptionSet::complete(const CollectorSettings &settings) const
{
    CollectorSettings s;
    for (const CollectorOption &o : m_options)
        s.set(o.name, o.normalise(settings.contains(o.name) && settings.value(o.name).isValid() ? settings.value(o.name) : o.defaultValue));
    return s;
}

QString CollectorOptionSet::check(const CollectorSettings &settings) const
{
    for (const CollectorOption &o : m_options) {
        if (!settings.contains(o.name))
            continue;
        const QString error = o.check(settings.value(o.name));
        if (!error.isEmpty())
            return error;
    }
    return {};
}

bool CollectorOptionSet::isRequested(const CollectorSettings &settings) const
{
    for (const CollectorOption &o : m_options)
        if (o.requests && o.isGiven(settings.value(o.name)))
            return true;
    return false;
}

QStringList CollectorOptionSet::requestingFlags() const
{
    QStringList out;
    for (const CollectorOption &o : m_options)
        if (o.requests)
            out << QStringLiteral("--") + o.name;
    return out;
}

QStringList CollectorOptionSet::arguments(const CollectorSettings &settings) const
{
    QStringList out;
    for (const CollectorOption &o : m_options)
        out << o.arguments(settings.value(o.name));
    return out;
}

QJsonObject CollectorOptionSet::toJson(const CollectorSettings &settings) const
{
    QJsonObject json;
    for (const CollectorOption &o : m_options)
        if (o.isGiven(settings.value(o.name)))
            json.insert(o.name, o.toJson(settings.value(o.name)));
    return json;
}

CollectorSettings CollectorOptionSet::fromJson(const QJsonObject &json) const
{
    CollectorSettings s = defaults();
    for (const CollectorOption &o : m_options) {
        const QVariant v = o.fromJson(json.value(o.name));
        if (v.isValid())
            s.set(o.name, o.normalise(v));
    }
    return s;
}

void CollectorOptionSet::addTo(QCommandLineParser &p, const QString &tag) const
{
    // QCommandLineParser cannot be asked which options it has; its help lists them.
    const QString declared = p.helpText();
    for (const CollectorOption &o : m_options) {
        const QRegularExpression already(QStringLiteral("^\\s*(-\\w, )?--%1( |$)").arg(QRegularExpression::escape(o.name)),
                                         QRegularExpression::MultilineOption);
        if (already.match(declared).hasMatch())
            continue;
        QString help = o.help;
        const bool sentence = help.endsWith(QLatin1Char('.'));
        if (sentence)
            help.chop(1);
        help += o.helpSuffix();
        if (o.type == CollectorOption::Type::PathList)
            help += QStringLiteral(" (repeatable)");
        if (sentence)
            help += QLatin1Char('.');
        if (!tag.isEmpty())
            help = QStringLiteral("[%1] %2").arg(tag, help);
        if (o.takesValue())
            p.addOption({o.name, help, o.valueName.isEmpty() ? QStringLiteral("VALUE") : o.valueName});
        else
            p.addOption({o.name, help});
    }
}

CollectorSettings CollectorOptionSet::read(const QCommandLineParser &p) const
{
    CollectorSettings s = defaults();
    for (const CollectorOption &o : m_options) {
        if (!p.isSet(o.name))
            continue;
        s.set(o.name, o.parse(o.takesValue() ? p.values(o.name) : QStringList()));
    }
    return s;
}
