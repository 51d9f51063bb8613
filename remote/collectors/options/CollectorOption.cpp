#include "CollectorOption.h"

#include "CaptureFilter.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>
#include <stdexcept>

namespace {
using Type = CollectorOption::Type;

QString dashed(const QString &name)
{
    return QStringLiteral("--") + name;
}

QString number(double v, int decimals = 0)
{
    return QString::number(v, 'f', decimals);
}

const QList<std::pair<QChar, int>> &sizeUnits()
{
    static const QList<std::pair<QChar, int>> units{{QLatin1Char('G'), 30}, {QLatin1Char('M'), 20}, {QLatin1Char('K'), 10}};
    return units;
}

QString sizeText(qint64 bytes)
{
    for (const auto &[unit, shift] : sizeUnits())
        if (bytes > 0 && bytes % (qint64(1) << shift) == 0)
            return QString::number(bytes >> shift) + unit;
    return QString::number(bytes);
}

// -1 when not a size.
qint64 parseSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,15})([kKmMgG]?)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    qint64 v = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).isEmpty() ? QChar() : m.captured(2).at(0).toUpper();
    for (const auto &[u, shift] : sizeUnits())
        if (unit == u)
            v <<= shift;
    return v;
}

// NaN when not a duration: 30, 2.5, 90s, 5m, 1h.
double parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,9}(?:\\.\\d{1,6})?)\\s*([smh]?)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nan("");
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    return unit == QLatin1String("h") ? v * 3600 : unit == QLatin1String("m") ? v * 60 : v;
}

bool isName(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.@-]{1,128}$"));
    return re.match(s).hasMatch();
}

bool isInterface(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.:@-]{1,64}$"));
    return re.match(s).hasMatch();
}

bool isOneLine(const QString &s)
{
    for (const QChar c : s)
        if (c.category() == QChar::Other_Control)
            return false;
    return true;
}

QStringList splitList(const QString &text, const QRegularExpression &separators)
{
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

QList<qint64> pidsOf(const QVariant &v)
{
    if (v.metaType() == QMetaType::fromType<QList<qint64>>())
        return v.value<QList<qint64>>();
    QList<qint64> out;
    for (const QVariant &x : v.toList())
        out << x.toLongLong();
    return out;
}
}

QString CollectorOption::helpSuffix() const
{
    QStringList parts;
    switch (type) {
    case Type::Integer:
        parts << QStringLiteral("%1..%2").arg(number(minimum), number(maximum));
        break;
    case Type::Duration:
        parts << QStringLiteral("%1..%2 s").arg(QString::number(minimum, 'g', 12), QString::number(maximum, 'g', 12));
        break;
    case Type::Size:
        parts << QStringLiteral("%1..%2").arg(sizeText(qint64(minimum)), sizeText(qint64(maximum)));
        break;
    case Type::Choice:
        parts << choices.join(QLatin1String(", "));
        break;
    default:
        break;
    }
    if (isGiven(defaultValue) || (defaultValue.isValid() && type != Type::Flag && !display(defaultValue).isEmpty()))
        parts << QStringLiteral("default %1").arg(display(defaultValue));
    return parts.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(parts.join(QLatin1String("; ")));
}

QVariant CollectorOption::normalise(const QVariant &value) const
{
    if (!value.isValid())
        return value;
    switch (type) {
    case Type::Flag:
        return value.toBool();
    case Type::Integer:
    case Type::Size:
        return QVariant::fromValue(value.toLongLong());
    case Type::Duration:
        return value.toDouble();
    case Type::Text:
    case Type::Interface:
    case Type::Choice:
        return value.toString().trimmed();
    case Type::CaptureFilter: {
        const QString text = value.toString();
        if (text.trimmed().isEmpty())
            return QString();
        const CaptureFilter f = CaptureFilter::parse(text);
        return f.isValid() ? f.filter() : text;
    }
    case Type::NameList:
    case Type::PathList: {
        QStringList out;
        for (const QString &s : value.toStringList())
            if (!s.trimmed().isEmpty())
                out << (type == Type::NameList ? s.trimmed() : s);
        return out;
    }
    case Type::PidList:
        return QVariant::fromValue(pidsOf(value));
    }
    return value;
}

QString CollectorOption::check(const QVariant &raw) const
{
    const QVariant value = normalise(raw);
    const QString flag = dashed(name);
    switch (type) {
    case Type::Flag:
        return {};
    case Type::Integer: {
        const qint64 v = value.toLongLong();
        if (!value.isValid() || v < qint64(minimum) || v > qint64(maximum))
            return QStringLiteral("%1 takes a number from %2 to %3").arg(flag, number(minimum), number(maximum));
        return {};
    }
    case Type::Duration: {
        const double v = value.toDouble();
        const bool whole = decimals > 0 || std::floor(v) == v;
        if (!value.isValid() || !std::isfinite(v) || v < minimum || v > maximum || !whole)
            return QStringLiteral("%1 takes %2 from %3 to %4 (e.g. 30, 90s, 5m)")
                .arg(flag, decimals > 0 ? QStringLiteral("seconds") : QStringLiteral("whole seconds"), QString::number(minimum, 'g', 12),
                     QString::number(maximum, 'g', 12));
        return {};
    }
    case Type::Size: {
        const qint64 v = value.toLongLong();
        if (!value.isValid() || v < qint64(minimum) || v > qint64(maximum))
            return QStringLiteral("%1 takes a size from %2 to %3 (bytes, or with K/M/G)")
                .arg(flag, sizeText(qint64(minimum)), sizeText(qint64(maximum)));
        return {};
    }
    case Type::Text: {
        const QString v = value.toString();
        if (!isOneLine(v))
            return QStringLiteral("%1 must be one line").arg(flag);
        if (v.size() > 4096)
            return QStringLiteral("%1 is longer than 4096 characters").arg(flag);
        return {};
    }
    case Type::NameList:
        for (const QString &s : value.toStringList())
            if (!isName(s))
                return QStringLiteral("%1: names may hold letters, digits, - _ . @ only (not \"%2\")").arg(flag, s.left(40));
        return {};
    case Type::PidList:
        for (qint64 pid : pidsOf(value))
            if (pid <= 0 || pid > 0x7fffffff)
                return QStringLiteral("%1 takes process ids (1..2147483647) separated by commas").arg(flag);
        return {};
    case Type::Interface:
        if (!value.toString().isEmpty() && !isInterface(value.toString()))
            return QStringLiteral("%1 takes an interface name (letters, digits, . _ : @ -)").arg(flag);
        return {};
    case Type::CaptureFilter: {
        const QString text = raw.toString();
        if (text.trimmed().isEmpty())
            return {};
        const CaptureFilter f = CaptureFilter::parse(text);
        return f.isValid() ? QString() : QStringLiteral("%1: the capture filter %2").arg(flag, f.error());
    }
    case Type::PathList:
        for (const QString &p : value.toStringList()) {
            if (!p.startsWith(QLatin1Char('/')))
                return QStringLiteral("%1 needs absolute paths (not \"%2\")").arg(flag, p.left(80));
            if (!isOneLine(p) || p.contains(QChar(0)))
                return QStringLiteral("%1: a path must be one line").arg(flag);
        }
        return {};
    case Type::Choice:
        if (!choices.contains(value.toString()))
            return QStringLiteral("%1 takes one of %2").arg(flag, choices.join(QLatin1String(", ")));
        return {};
    }
    return {};
}

QVariant CollectorOption::parse(const QStringList &texts) const
{
    const QString flag = dashed(name);
    const QString text = texts.isEmpty() ? QString() : texts.last();
    // What the text says, before the range and content checks; on a text that
    // is no value of the type at all, `unreadable` says what the option takes.
    QVariant value;
    QString unreadable;
    switch (type) {
    case Type::Flag:
        value = true;
        break;
    case Type::Integer: {
        bool ok = false;
        value = QVariant::fromValue(text.trimmed().toLongLong(&ok));
        if (!ok)
            unreadable = check(QVariant::fromValue(qint64(minimum) - 1));
        break;
    }
    case Type::Duration:
        value = parseDuration(text);
        if (std::isnan(value.toDouble()))
            unreadable = check(QVariant(minimum - 1));
        break;
    case Type::Size:
        value = QVariant::fromValue(parseSize(text));
        if (value.toLongLong() < 0)
            unreadable = check(value);
        break;
    case Type::Text:
    case Type::Interface:
    case Type::Choice:
        value = type == Type::Text ? text : text.trimmed();
        if (text.trimmed().isEmpty())
            unreadable = QStringLiteral("%1 needs a value").arg(flag);
        break;
    case Type::CaptureFilter: {
        const CaptureFilter f = CaptureFilter::parse(text);
        if (!f.isValid())
            unreadable = QStringLiteral("%1: the capture filter %2").arg(flag, f.error());
        value = f.filter();
        break;
    }
    case Type::NameList:
        value = splitList(text, QRegularExpression(QStringLiteral(",")));
        if (value.toStringList().isEmpty() && !emptyAllowed)
            unreadable = QStringLiteral("%1 needs at least one name").arg(flag);
        break;
    case Type::PidList: {
        QList<qint64> pids;
        bool ok = true;
        for (const QString &part : splitList(text, QRegularExpression(QStringLiteral("[,\\s]+")))) {
            bool one = false;
            pids << part.toLongLong(&one);
            ok = ok && one;
        }
        if (!ok || pids.isEmpty())
            unreadable = QStringLiteral("%1 takes process ids separated by commas").arg(flag);
        value = QVariant::fromValue(pids);
        break;
    }
    case Type::PathList:
        value = texts;
        if (texts.isEmpty())
            unreadable = QStringLiteral("%1 needs a path").arg(flag);
        break;
    }
    const QString error = unreadable.isEmpty() ? check(value) : unreadable;
    if (!error.isEmpty())
        throw std::invalid_argument(error.toStdString());
    return normalise(value);
}

bool CollectorOption::isGiven(const QVariant &value) const
{
    const QVariant v = normalise(value);
    if (!v.isValid())
        return false;
    switch (type) {
    case Type::Flag:
        return v.toBool() != defaultValue.toBool();
    case Type::NameList:
    case Type::PathList:
        return (emptyAllowed || !v.toStringList().isEmpty()) && v.toStringList() != defaultValue.toStringList();
    case Type::PidList:
        return !pidsOf(v).isEmpty();
    case Type::Text:
    case Type::Interface:
    case Type::CaptureFilter:
    case Type::Choice:
        return !v.toString().isEmpty() && v.toString() != defaultValue.toString();
    case Type::Integer:
    case Type::Size:
        return v.toLongLong() != defaultValue.toLongLong();
    case Type::Duration:
        return v.toDouble() != defaultValue.toDouble();
    }
    return false;
}

QString CollectorOption::display(const QVariant &raw) const
{
    const QVariant value = normalise(raw);
    switch (type) {
    case Type::Flag:
        return value.toBool() ? QStringLiteral("on") : QStringLiteral("off");
    case Type::Integer:
        return QString::number(value.toLongLong());
    case Type::Duration:
        return QString::number(value.toDouble(), 'g', 12);
    case Type::Size:
        return sizeText(value.toLongLong());
    case Type::NameList:
        return value.toStringList().join(QLatin1Char(','));
    case Type::PathList:
        return value.toStringList().join(QLatin1Char(' '));
    case Type::PidList: {
        QStringList parts;
        for (qint64 p : pidsOf(value))
            parts << QString::number(p);
        return parts.join(QLatin1Char(','));
    }
    default:
        return value.toString();
    }
}

QStringList CollectorOption::arguments(const QVariant &value) const
{
    if (!isGiven(value))
        return {};
    const QString flag = dashed(name);
    if (type == Type::Flag)
        return {flag};
    if (type == Type::PathList) {
        QStringList out;
        for (const QString &p : normalise(value).toStringList())
            out << flag << p;
        return out;
    }
    return {flag, display(value)};
}

QJsonValue CollectorOption::toJson(const QVariant &raw) const
{
    const QVariant value = normalise(raw);
    switch (type) {
    case Type::Flag:
        return value.toBool();
    case Type::Integer:
    case Type::Size:
        return value.toLongLong();
    case Type::Duration:
        return value.toDouble();
    case Type::NameList:
    case Type::PathList:
        return QJsonArray::fromStringList(value.toStringList());
    case Type::PidList: {
        QJsonArray a;
        for (qint64 p : pidsOf(value))
            a.append(p);
        return a;
    }
    default:
        return value.toString();
    }
}

QVariant CollectorOption::fromJson(const QJsonValue &json) const
{
    switch (type) {
    case Type::Flag:
        return json.isBool() ? QVariant(json.toBool()) : QVariant();
    case Type::Integer:
    case Type::Size:
        return json.isDouble() ? QVariant::fromValue(json.toInteger()) : QVariant();
    case Type::Duration:
        return json.isDouble() ? QVariant(json.toDouble()) : QVariant();
    case Type::NameList:
    case Type::PathList: {
        if (!json.isArray())
            return {};
        QStringList out;
        for (const QJsonValue &v : json.toArray())
            if (v.isString())
                out << v.toString();
        return out;
    }
    case Type::PidList: {
        if (!json.isArray())
            return {};
        QList<qint64> out;
        for (const QJsonValue &v : json.toArray())
            if (v.isDouble())
                out << v.toInteger();
        return QVariant::fromValue(out);
    }
    default:
        return json.isString() ? QVariant(json.toString()) : QVariant();
    }
}
