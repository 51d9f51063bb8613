// casectl: Casebook's capabilities without a window, for scripts, fleets and tests.
#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/SqliteBusyWait.h"
#include "util/CaseError.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>
#include <QRegularExpression>

namespace {

void printOverview(QTextStream &out)
{
    out << "Usage: casectl COMMAND [options] [args]\n\n"
           "Casebook headless: build and analyse incident case files (*.casebook).\n\n"
           "Commands:\n";
    for (const auto &c : CommandRegistry::all())
        out << "  " << c->name().leftJustified(14) << ' ' << c->summary() << '\n';
    out << "\nGlobal options:\n  --help      Show this help (or 'casectl COMMAND --help')\n"
           "  --version   Show the version\n\n"
           "Exit status: 0 success, 1 failure, 2 usage error.\n";
    out.flush();
}

QString commandHelp(Command &cmd, QCommandLineParser &parser)
{
    QString text = parser.helpText();
    // Qt prints "Usage: <program> [options]"; name the sub-command too.
    const qsizetype eol = text.indexOf(QLatin1Char('\n'));
    QString first = text.left(eol);
    first.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: casectl ") + cmd.name());
    return first + text.mid(eol);
}

}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("casectl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Casebook"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEBOOK_VERSION));

    CliContext ctx;
    // A writer that meets another process's lock waits (bounded) and says so.
    SqliteBusyWait::setReporter([](const QString &path, qint64 waitedMs) {
        const QByteArray line = QStringLiteral("casectl: waiting for %1: another process (casectl or a Casebook window) "
                                               "is writing to it (%2 s so far; giving up after %3 s)\n")
                                    .arg(QFileInfo(path).fileName())
                                    .arg(waitedMs / 1000)
                                    .arg(SqliteBusyWait::limitMs() / 1000)
                                    .toLocal8Bit();
        std::fputs(line.constData(), stderr);
    });
    QStringList args = app.arguments();
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h")
        || args.at(1) == QLatin1String("help")) {
        if (args.size() >= 3 && args.at(1) == QLatin1String("help"))
            args = {args.at(0), args.at(2), QStringLiteral("--help")};
        else {
            printOverview(ctx.out());
            return args.size() < 2 ? ExitUsage : ExitOk;
        }
    }
    if (args.at(1) == QLatin1String("--version") || args.at(1) == QLatin1String("-V")) {
        ctx.out() << "casectl " << CASEBOOK_VERSION << '\n';
        return ExitOk;
    }

    std::unique_ptr<Command> cmd = CommandRegistry::find(args.at(1));
    if (!cmd) {
        ctx.error(QStringLiteral("unknown command '%1' (see casectl --help)").arg(args.at(1)));
        return ExitUsage;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(cmd->summary());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    cmd->setup(parser);
    QStringList cmdArgs = args;
    cmdArgs.removeAt(1);
    if (!parser.parse(cmdArgs)) {
        ctx.error(parser.errorText());
        ctx.err() << commandHelp(*cmd, parser);
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        ctx.out() << commandHelp(*cmd, parser);
        return ExitOk;
    }
    if (parser.optionNames().contains(QStringLiteral("json")))
        ctx.setJson(true);
    try {
        return cmd->run(parser, ctx);
    } catch (const UsageError &e) {
        ctx.error(e.message());
        ctx.err() << commandHelp(*cmd, parser);
        return ExitUsage;
    } catch (const CaseError &e) {
        ctx.error(e.message());
        return ExitFailure;
    } catch (const std::exception &e) {
        ctx.error(QString::fromUtf8(e.what()));
        return ExitFailure;
    }
}
