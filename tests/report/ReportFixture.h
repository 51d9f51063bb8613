#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Builds a case from tests/data/report (seed 004's lockd/flock evidence plus
// hostile process names) through the engine's stores: two hosts with host
// keys, collections, text artifacts, a binary capture, findings with
// evidence, markers, a chosen kernel event, notes tagged for report
// sections, status updates, an action item.
namespace ReportFixture {
struct Values
{
    // Identifying values the case contains; a redacted export must contain none.
    QStringList identifying;
    QString hostileName;   // "<script>alert(1)</script>"
    QString hostileName2;  // "evil) S 1 | ` ** [x](http://a)"
};

Values build(const QString &path, const QString &title = QStringLiteral("php-fpm workers stuck in D on NFS flock"));
QByteArray fixture(const QString &name); // tests/data/report/<name>
}
