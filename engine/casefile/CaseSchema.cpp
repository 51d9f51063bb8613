#include "CaseSchema.h"

#include "SchemaMigrations.h"
#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "util/CaseError.h"

#include <QHash>
#include <QMutex>

namespace {

struct SchemaObject
{
    QString type;
    QString name;
    QString sql;
};

using Objects = QHash<QString, SchemaObject>; // by type + name

QString keyOf(const QString &type, const QString &name)
{
    return type + QLatin1Char(' ') + name;
}

Objects objectsOf(SqliteDatabase &db)
{
    Objects objects;
    SqliteStatement st = db.prepare(QStringLiteral("SELECT type, name, sql FROM sqlite_schema"));
    while (st.step()) {
        SchemaObject o{st.text(0), st.text(1), st.text(2)};
        objects.insert(keyOf(o.type, o.name), o);
    }
    return objects;
}

// Built once per version, in memory, from the migrations compiled in.
const Objects &reference(int version)
{
    static QMutex mutex;
    static QHash<int, Objects> cache;
    QMutexLocker locker(&mutex);
    auto it = cache.constFind(version);
    if (it != cache.constEnd())
        return *it;
    SqliteDatabase mem(QString(), SqliteDatabase::Mode::Memory);
    for (const SchemaMigration &m : SchemaMigrations::all()) {
        if (m.version > version)
            break;
        mem.exec(QString::fromUtf8(m.sql));
    }
    return *cache.insert(version, objectsOf(mem));
}

// Tables SQLite makes by itself: ANALYZE's statistics.
bool isSqliteInternal(const SchemaObject &o)
{
    static const QStringList statTables = {QStringLiteral("sqlite_stat1"), QStringLiteral("sqlite_stat4")};
    return o.type == QLatin1String("table") && statTables.contains(o.name);
}

QString describe(const SchemaObject &o)
{
    QString name = o.name.left(80);
    for (QChar &c : name) // a hostile name is shown as plain, one-line text
        if (!c.isPrint())
            c = QChar(0xFFFD);
    return QStringLiteral("%1 %2").arg(o.type, name);
}

}

QStringList CaseSchema::unexpectedObjects(SqliteDatabase &db, int version)
{
    const Objects &expected = reference(version);
    QStringList problems;
    for (const SchemaObject &o : objectsOf(db)) {
        const auto it = expected.constFind(keyOf(o.type, o.name));
        if (it == expected.constEnd()) {
            if (!isSqliteInternal(o))
                problems << QStringLiteral("%1 (not created by Casebook)").arg(describe(o));
        } else if (it->sql != o.sql) {
            problems << QStringLiteral("%1 (its SQL was changed)").arg(describe(o));
        }
    }
    problems.sort();
    return problems;
}

QStringList CaseSchema::missingObjects(SqliteDatabase &db, int version)
{
    const Objects present = objectsOf(db);
    QStringList missing;
    for (const SchemaObject &o : reference(version))
        if (!present.contains(keyOf(o.type, o.name)))
            missing << describe(o);
    missing.sort();
    return missing;
}
