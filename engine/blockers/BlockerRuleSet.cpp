#include "BlockerRuleSet.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

// At global scope: Q_INIT_RESOURCE declares the resource's init function.
static void initBlockerRuleResources()
{
    Q_INIT_RESOURCE(casebook_blocker_rules);
}

namespace {
constexpr qint64 kMaxRulesFile = 4 * 1024 * 1024;
constexpr int kMaxRules = 2000;

QRegularExpression compileGlob(const QString &pattern)
{
    QStringList parts = pattern.split(QLatin1Char('*'));
    for (QString &p : parts)
        p = QRegularExpression::escape(p);
    return QRegularExpression(QStringLiteral("^") + parts.join(QStringLiteral(".*")) + QStringLiteral("$"));
}

BlockerRule::Role parseRole(const QString &s, bool *ok)
{
    *ok = true;
    if (s == QLatin1String("waits"))
        return BlockerRule::Role::Waits;
    if (s == QLatin1String("holds"))
        return BlockerRule::Role::Holds;
    if (s == QLatin1String("waits-or-holds"))
        return BlockerRule::Role::WaitsOrHolds;
    *ok = false;
    return BlockerRule::Role::Waits;
}
}

QString BlockerRule::roleName(Role role)
{
    switch (role) {
    case Role::Waits: return QStringLiteral("waits");
    case Role::Holds: return QStringLiteral("holds");
    case Role::WaitsOrHolds: return QStringLiteral("waits-or-holds");
    }
    return {};
}

QString BlockerRuleSet::functionName(const QString &frame)
{
    QString f = frame.trimmed();
    if (f.startsWith(QLatin1String("[<")))
        f = f.section(QLatin1Char(']'), 1).trimmed();
    if (f.startsWith(QLatin1String("? ")))
        f = f.mid(2);
    f = f.section(QLatin1Char('+'), 0, 0).section(QLatin1Char(' '), 0, 0);
    static const QRegularExpression suffix(QStringLiteral("(\\.(part|isra|constprop|cold|llvm)(\\.[0-9]+)?)+$"));
    f.remove(suffix);
    return f;
}

void BlockerRuleSet::addFile(const QByteArray &json, const QString &origin)
{
    if (json.size() > kMaxRulesFile) {
        m_problems.append(QStringLiteral("%1: larger than 4 MiB, skipped").arg(origin));
        return;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        m_problems.append(QStringLiteral("%1: not a rules file (%2)").arg(origin, err.errorString()));
        return;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toInt() != 1) {
        m_problems.append(QStringLiteral("%1: unknown format %2 (expected 1)").arg(origin).arg(root.value(QStringLiteral("format")).toInt()));
        return;
    }
    const QJsonArray arr = root.value(QStringLiteral("rules")).toArray();
    int index = 0;
    for (const QJsonValue &v : arr) {
        ++index;
        if (m_rules.size() >= kMaxRules) {
            m_problems.append(QStringLiteral("%1: more than %2 rules, the rest skipped").arg(origin).arg(kMaxRules));
            break;
        }
        const QJsonObject o = v.toObject();
        BlockerRule r;
        r.id = o.value(QStringLiteral("id")).toString();
        r.resource = o.value(QStringLiteral("resource")).toString();
        r.explanation = o.value(QStringLiteral("explanation")).toString();
        r.nextStep = o.value(QStringLiteral("next_step")).toString();
        r.origin = origin;
        bool roleOk = false;
        r.role = parseRole(o.value(QStringLiteral("role")).toString(), &roleOk);
        for (const QJsonValue &f : o.value(QStringLiteral("frames")).toArray()) {
            const QString p = f.toString().trimmed();
            if (!p.isEmpty() && p.size() <= 200) {
                r.frames.append(p);
                r.matchers.append(compileGlob(p));
            }
        }
        if (o.contains(QStringLiteral("states"))) {
            r.states.clear();
            for (const QJsonValue &st : o.value(QStringLiteral("states")).toArray())
                if (st.toString().size() == 1)
                    r.states.append(st.toString());
        }
        QString bad;
        if (r.id.isEmpty())
            bad = QStringLiteral("no id");
        else if (!roleOk)
            bad = QStringLiteral("role must be waits, holds or waits-or-holds");
        else if (r.resource.isEmpty())
            bad = QStringLiteral("no resource");
        else if (r.frames.isEmpty())
            bad = QStringLiteral("no frames");
        else if (r.states.isEmpty())
            bad = QStringLiteral("no states");
        if (!bad.isEmpty()) {
            m_problems.append(QStringLiteral("%1: rule %2 skipped: %3").arg(origin).arg(index).arg(bad));
            continue;
        }
        bool replaced = false;
        for (BlockerRule &existing : m_rules)
            if (existing.id == r.id) { // the first file (the user's) wins
                replaced = true;
                break;
            }
        if (!replaced)
            m_rules.append(r);
    }
}

BlockerRuleSet BlockerRuleSet::bundled()
{
    initBlockerRuleResources();
    BlockerRuleSet set;
    QFile f(QStringLiteral(":/casebook/blocker-rules/default.json"));
    if (f.open(QIODevice::ReadOnly))
        set.addFile(f.readAll(), QStringLiteral("bundled default.json"));
    else
        set.m_problems.append(QStringLiteral("the bundled blocker rules are missing from this build"));
    return set;
}

QString BlockerRuleSet::userDirectory()
{
    const QString env = qEnvironmentVariable("CASEBOOK_BLOCKER_RULES_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/casebook/blocker-rules");
}

BlockerRuleSet BlockerRuleSet::standard()
{
    BlockerRuleSet set;
    const QDir dir(userDirectory());
    if (dir.exists())
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name)) {
            QFile f(dir.filePath(name));
            if (f.size() > kMaxRulesFile) {
                set.m_problems.append(QStringLiteral("%1: larger than 4 MiB, skipped").arg(f.fileName()));
                continue;
            }
            if (f.open(QIODevice::ReadOnly))
                set.addFile(f.read(kMaxRulesFile + 1), f.fileName());
        }
    const BlockerRuleSet b = bundled();
    set.m_problems += b.m_problems;
    for (const BlockerRule &r : b.m_rules)
        if (!set.byId(r.id))
            set.m_rules.append(r);
    return set;
}

const BlockerRule *BlockerRuleSet::byId(const QString &id) const
{
    for (const BlockerRule &r : m_rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

StackClassification BlockerRuleSet::classify(const QStringList &frames, const QString &state) const
{
    StackClassification c;
    QStringList names;
    names.reserve(frames.size());
    for (const QString &f : frames)
        names.append(functionName(f));
    auto firstMatch = [&](const BlockerRule &r) -> int {
        for (int i = 0; i < names.size(); ++i)
            for (const QRegularExpression &m : r.matchers)
                if (m.match(names[i]).hasMatch())
                    return i;
        return -1;
    };
    for (const BlockerRule &r : m_rules) {
        if (!r.canWait() || !r.states.contains(state))
            continue;
        const int i = firstMatch(r);
        if (i >= 0) {
            c.wait = {&r, i, names[i]};
            break;
        }
    }
    QStringList held;
    for (const BlockerRule &r : m_rules) {
        if (!r.canHold() || &r == c.wait.rule || !r.states.contains(state))
            continue;
        if (c.wait.rule && r.resource == c.wait.rule->resource)
            continue; // never holds what it waits for
        if (held.contains(r.resource))
            continue;
        int i = firstMatch(r);
        if (i < 0)
            continue;
        if (r.role == BlockerRule::Role::WaitsOrHolds) {
            // Holds only when it waits deeper, on something else.
            if (!c.wait.rule || i <= c.wait.frameIndex)
                continue;
        }
        c.holds.append({&r, i, names[i]});
        held.append(r.resource);
    }
    std::sort(c.holds.begin(), c.holds.end(), [](const auto &a, const auto &b) { return a.frameIndex < b.frameIndex; });
    return c;
}

QString BlockerRuleSet::fingerprint() const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const BlockerRule &r : m_rules) {
        h.addData(r.id.toUtf8());
        h.addData(r.frames.join(QLatin1Char(',')).toUtf8());
        h.addData(BlockerRule::roleName(r.role).toUtf8());
        h.addData(r.resource.toUtf8());
        h.addData(r.states.join(QLatin1Char(',')).toUtf8());
        h.addData(r.explanation.toUtf8());
    }
    return QString::fromLatin1(h.result().toHex().left(16));
}
