#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/ArtifactReader.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <QFile>
#include <QJsonArray>

// Lists artifacts, or writes one artifact's raw bytes to a file or stdout.
class ArtifactsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("artifacts"); }
    QString summary() const override { return QStringLiteral("List evidence artifacts, or extract one (--extract ID -o FILE)."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addOption({QStringLiteral("collection"), QStringLiteral("Only this collection's artifacts."), QStringLiteral("ID")});
        p.addOption({QStringLiteral("extract"), QStringLiteral("Artifact to extract."), QStringLiteral("ID")});
        p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Write the extracted bytes here ('-' = stdout)."), QStringLiteral("FILE")});
        p.addOption({QStringLiteral("force"), QStringLiteral("Extract even bytes that do not match their recorded hash (said on stderr and in the audit log).")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString path = requiredArg(p, 0, QStringLiteral("CASE"));
        if (p.isSet(QStringLiteral("extract")))
            return extract(path, p, ctx);
        auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly);
        const auto list = ArtifactReader(cf->db()).list(p.value(QStringLiteral("collection")).toLongLong());
        if (ctx.json()) {
            QJsonArray arr;
            for (const auto &a : list)
                arr.append(QJsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("collection"), a.collectionId},
                                       {QStringLiteral("host_id"), a.hostId}, {QStringLiteral("kind"), a.kind},
                                       {QStringLiteral("name"), a.name}, {QStringLiteral("source_path"), a.sourcePath},
                                       {QStringLiteral("size"), a.size}, {QStringLiteral("sha256"), a.sha256},
                                       {QStringLiteral("complete"), a.complete}, {QStringLiteral("truncated"), a.truncated},
                                       {QStringLiteral("created"), TimeUtil::isoUtc(a.createdUs)}});
            ctx.printJson(arr);
            return ExitOk;
        }
        for (const auto &a : list)
            ctx.out() << a.id << "  " << a.kind.leftJustified(16) << ' ' << QString::number(a.size).rightJustified(10) << "  "
                      << (a.sha256.isEmpty() ? QStringLiteral("(no hash)").leftJustified(64) : a.sha256) << "  "
                      << (a.complete ? QString() : QStringLiteral("[incomplete] ")) << CliContext::safe(a.name) << '\n';
        return ExitOk;
    }

private:
    int extract(const QString &path, const QCommandLineParser &p, CliContext &ctx)
    {
        bool ok = false;
        const qint64 id = p.value(QStringLiteral("extract")).toLongLong(&ok);
        if (!ok)
            throw UsageError(QStringLiteral("--extract takes an artifact id"));
        const QString out = p.value(QStringLiteral("output"));
        if (out.isEmpty())
            throw UsageError(QStringLiteral("--extract needs -o FILE (or -o - for stdout)"));
        auto cf = CaseFile::open(path, CaseFile::Access::ReadWrite);
        ArtifactReader reader(cf->db());
        const auto info = reader.info(id);
        if (!info)
            throw CaseError(QStringLiteral("no artifact %1 in %2").arg(id).arg(path));
        // The bytes must still be what was recorded when the artifact was completed.
        const ArtifactCheck check = CaseVerifier(cf->db()).checkArtifact(*info);
        const bool tampered = check.result == ArtifactCheck::Result::Mismatch;
        if (tampered && !p.isSet(QStringLiteral("force")))
            throw CaseError(QStringLiteral("%1. Not extracted; --force extracts it anyway (audited).").arg(check.describe()));
        if (tampered)
            ctx.warning(QStringLiteral("extracting bytes that do NOT match their recorded hash (--force): %1").arg(check.describe()));
        if (out == QLatin1String("-")) {
            QFile so;
            if (!so.open(stdout, QIODevice::WriteOnly))
                throw CaseError(QStringLiteral("cannot write to stdout"));
            reader.forEachChunk(id, [&](QByteArrayView c) { return so.write(c.data(), c.size()) == c.size(); });
        } else {
            reader.exportTo(id, out);
        }
        QJsonObject details{{QStringLiteral("to"), out}, {QStringLiteral("sha256"), info->sha256},
                            {QStringLiteral("verified"), ArtifactCheck::resultName(check.result)}};
        if (tampered) {
            details.insert(QStringLiteral("forced"), true);
            details.insert(QStringLiteral("actual_sha256"), check.actual);
            details.insert(QStringLiteral("problems"), QJsonArray::fromStringList(check.problems));
        }
        AuditLog(cf->db()).append(QStringLiteral("export-artifact"), QStringLiteral("artifact:%1").arg(id), details);
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(ArtifactsCommand)
