#include "Command.h"

Command::~Command() = default;

void Command::addJsonOption(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")));
}

QString Command::requiredArg(const QCommandLineParser &parser, int index, const QString &what)
{
    const QStringList args = parser.positionalArguments();
    if (index >= args.size())
        throw UsageError(QStringLiteral("missing %1").arg(what));
    return args.at(index);
}
