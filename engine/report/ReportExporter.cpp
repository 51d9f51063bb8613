#include "ReportExporter.h"

#include "HtmlReportWriter.h"
#include "MarkdownReportWriter.h"
#include "PdfReportWriter.h"
#include "ReportBuilder.h"
#include "util/CaseError.h"

#include <QSaveFile>

QByteArray ReportExporter::render(SqliteDatabase &db, const QString &format, const QString &lang)
{
    if (!formats().contains(format))
        throw CaseError(QStringLiteral("unknown report format '%1' (md, html, pdf)").arg(format));
    const ReportDocument doc = ReportBuilder(db).build(lang);
    if (format == QLatin1String("md"))
        return MarkdownReportWriter::write(doc).toUtf8();
    if (format == QLatin1String("html"))
        return HtmlReportWriter::write(doc).toUtf8();
    return PdfReportWriter::write(doc);
}

void ReportExporter::writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw CaseError(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    f.write(bytes);
    if (!f.commit())
        throw CaseError(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
}
