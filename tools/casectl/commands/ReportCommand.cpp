#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "report/ReportDraftStore.h"
#include "report/ReportExporter.h"
#include "report/ReportStrings.h"
#include "util/CaseError.h"

#include <QFile>
#include <QJsonObject>

class ReportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override { return QStringLiteral("Draft the incident report (Markdown, HTML or PDF)."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addOption({QStringLiteral("format"), QStringLiteral("md (default), html or pdf."), QStringLiteral("FMT"), QStringLiteral("md")});
        p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Write to FILE (default: standard output; required for pdf)."), QStringLiteral("FILE")});
        p.addOption({QStringLiteral("lang"), QStringLiteral("Report language: en (default) or de."), QStringLiteral("LANG"), QStringLiteral("en")});
        p.addOption({QStringLiteral("include-event"), QStringLiteral("Choose event ID for the series of events (repeatable; saved in the case)."), QStringLiteral("ID")});
        p.addOption({QStringLiteral("saved"), QStringLiteral("Output the draft as last edited in the workbench (Markdown) instead of a fresh draft.")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString path = requiredArg(p, 0, QStringLiteral("CASE"));
        const QString format = p.value(QStringLiteral("format"));
        const QString lang = p.value(QStringLiteral("lang"));
        if (!ReportExporter::formats().contains(format))
            throw UsageError(QStringLiteral("--format must be md, html or pdf"));
        if (!ReportStrings::isSupported(lang))
            throw UsageError(QStringLiteral("--lang must be en or de"));
        const QString out = p.value(QStringLiteral("output"));
        if (format == QLatin1String("pdf") && out.isEmpty())
            throw UsageError(QStringLiteral("--format pdf needs -o FILE"));
        const QStringList include = p.values(QStringLiteral("include-event"));
        auto cf = CaseFile::open(path, include.isEmpty() ? CaseFile::Access::ReadOnly : CaseFile::Access::ReadWrite);
        for (const QString &id : include) {
            bool ok = false;
            const qint64 eventId = id.toLongLong(&ok);
            if (!ok)
                throw UsageError(QStringLiteral("--include-event needs a numeric event id"));
            ReportDraftStore(cf->db()).chooseEvent(eventId);
        }
        QByteArray bytes;
        if (p.isSet(QStringLiteral("saved"))) {
            if (format != QLatin1String("md"))
                throw UsageError(QStringLiteral("--saved is Markdown only"));
            const auto draft = ReportDraftStore(cf->db()).load(lang);
            if (!draft)
                throw CaseError(QStringLiteral("no saved %1 draft in this case").arg(lang));
            bytes = draft->markdown.toUtf8();
        } else {
            bytes = ReportExporter::render(cf->db(), format, lang);
        }
        if (out.isEmpty() || out == QLatin1String("-")) {
            ctx.out().flush();
            QFile stdoutFile;
            if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
                throw CaseError(QStringLiteral("cannot write to standard output"));
            stdoutFile.write(bytes);
            return ExitOk;
        }
        ReportExporter::writeFile(out, bytes);
        if (ctx.json())
            ctx.printJson(QJsonObject{{QStringLiteral("path"), out}, {QStringLiteral("format"), format},
                                      {QStringLiteral("lang"), lang}, {QStringLiteral("bytes"), qint64(bytes.size())}});
        else
            ctx.out() << "wrote " << CliContext::safe(out) << " (" << format << ", " << bytes.size() << " bytes)\n";
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(ReportCommand)
