#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class SqliteDatabase;

// One call from a case to report bytes in a format: md, html or pdf.
class ReportExporter
{
public:
    static QStringList formats() { return {QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("pdf")}; }
    static QByteArray render(SqliteDatabase &db, const QString &format, const QString &lang);
    // Writes atomically (temporary file, then rename).
    static void writeFile(const QString &path, const QByteArray &bytes);
};
