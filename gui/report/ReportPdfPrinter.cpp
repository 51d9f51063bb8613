#include "ReportPdfPrinter.h"

#include "util/CaseError.h"

#include <QFile>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

namespace {
const QTextDocument::MarkdownFeatures kFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML);
}

void ReportPdfPrinter::markdownToPdf(const QString &markdown, const QString &title, const QString &path)
{
    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Casebook"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    QTextDocument doc;
    doc.setMarkdown(markdown, kFeatures);
    doc.print(&writer);
    if (!QFile::exists(path))
        throw CaseError(QStringLiteral("cannot write %1").arg(path));
}

QString ReportPdfPrinter::markdownToHtml(const QString &markdown, const QString &title)
{
    QTextDocument doc;
    doc.setMarkdown(markdown, kFeatures);
    doc.setMetaInformation(QTextDocument::DocumentTitle, title);
    QString html = doc.toHtml();
    // Images would be fetched from wherever they point: not in a shared report.
    html.remove(QRegularExpression(QStringLiteral("<img\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption));
    // A policy that forbids scripts and any fetch, in case a viewer would try.
    html.replace(QLatin1String("<head>"),
                 QLatin1String("<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"));
    return html;
}
