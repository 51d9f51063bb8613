#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "sharing/CaseExporter.h"
#include "util/CaseError.h"

#include <QFile>

class ExportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override { return QStringLiteral("Write a copy of a case to share, optionally redacted."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("The copy to write (*.casebook)."));
        p.addOption({QStringLiteral("redact"), QStringLiteral("Replace host names, addresses, user names (and listed terms) by pseudonyms.")});
        p.addOption({QStringLiteral("profile"), QStringLiteral("Redaction profile: standard (default) or strict (also MAC addresses)."), QStringLiteral("PROFILE"), QStringLiteral("standard")});
        p.addOption({QStringLiteral("redact-term"), QStringLiteral("Also replace this word (repeatable; implies --redact)."), QStringLiteral("TERM")});
        p.addOption({QStringLiteral("redact-pattern"), QStringLiteral("Also replace matches of this regular expression (repeatable; implies --redact)."), QStringLiteral("REGEX")});
        p.addOption({QStringLiteral("redact-terms-file"), QStringLiteral("Terms to replace, one per line (implies --redact)."), QStringLiteral("FILE")});
        p.addOption({QStringLiteral("keep-host-keys"), QStringLiteral("Leave SSH host-key fingerprints and public keys in the redacted copy.")});
        p.addOption({QStringLiteral("force"), QStringLiteral("Overwrite OUT if it exists.")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString path = requiredArg(p, 0, QStringLiteral("CASE"));
        const QString out = requiredArg(p, 1, QStringLiteral("OUT"));
        // "--redact PROFILE" is accepted too: a third positional after --redact names the profile.
        QStringList positional = p.positionalArguments();
        CaseExporter::Options o;
        o.redaction.profile = p.value(QStringLiteral("profile"));
        if (positional.size() == 3 && p.isSet(QStringLiteral("redact")) && Redactor::profiles().contains(positional.at(2)))
            o.redaction.profile = positional.at(2);
        else if (positional.size() > 2)
            throw UsageError(QStringLiteral("unexpected argument '%1'").arg(positional.at(2)));
        if (!Redactor::profiles().contains(o.redaction.profile))
            throw UsageError(QStringLiteral("--profile must be standard or strict"));
        o.redaction.terms = p.values(QStringLiteral("redact-term"));
        o.redaction.patterns = p.values(QStringLiteral("redact-pattern"));
        if (p.isSet(QStringLiteral("redact-terms-file"))) {
            QFile f(p.value(QStringLiteral("redact-terms-file")));
            if (!f.open(QIODevice::ReadOnly))
                throw CaseError(QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
            for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')))
                if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(QLatin1Char('#')))
                    o.redaction.terms.append(line.trimmed());
        }
        o.redaction.keepHostKeys = p.isSet(QStringLiteral("keep-host-keys"));
        o.redact = p.isSet(QStringLiteral("redact")) || !o.redaction.terms.isEmpty() || !o.redaction.patterns.isEmpty();
        o.overwrite = p.isSet(QStringLiteral("force"));
        auto cf = CaseFile::open(path);
        const CaseExporter::Result r = CaseExporter(*cf).exportTo(out, o);
        if (ctx.json()) {
            ctx.printJson(r.toJson());
            return ExitOk;
        }
        ctx.out() << "exported " << CliContext::safe(out);
        if (r.redacted)
            ctx.out() << " (redacted: " << r.replacements << " replacements, " << r.artifactsRedacted << " artifacts rewritten, "
                      << r.artifactsWithheld << " binary artifacts withheld; every value checked again: "
                      << (r.secondPassValues ? QString::number(r.secondPassValues) + QStringLiteral(" redacted by the second pass, ") : QString())
                      << "none left)";
        ctx.out() << '\n';
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(ExportCommand)
