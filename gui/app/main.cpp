#include "CaseSession.h"
#include "MainWindow.h"
#include "casefile/CaseFile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>
#include <QTimer>
#include <cstring>

namespace {
void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Casebook, the investigation workbench for Linux incident responders."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("case"), QCoreApplication::translate("main", "Case file (*.casebook) to open."),
                                 QStringLiteral("[CASE]"));
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("casebook"));
    QCoreApplication::setOrganizationName(QStringLiteral("Casebook"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEBOOK_VERSION));
}
}

int main(int argc, char **argv)
{
    // --version and --help need no display: answer them without a GUI.
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v") || !std::strcmp(argv[i], "--help")
            || !std::strcmp(argv[i], "-h")) {
            QCoreApplication app(argc, argv);
            setIdentity();
            QCommandLineParser parser;
            describe(parser);
            parser.process(app); // prints and exits
            return 0;
        }
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Casebook"));
    QApplication::setDesktopFileName(QStringLiteral("casebook"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/casebook/icons/casebook.svg")));
    QCommandLineParser parser;
    describe(parser);
    parser.process(app);
    MainWindow w;
    w.show();
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty())
        w.openCase(args.first());
    if (qEnvironmentVariableIsSet("CASEBOOK_QUIT_AFTER_OPEN")) {
        // Test hook: report what opened once the window is up, then quit.
        QTimer::singleShot(0, &app, [&w] {
            QTextStream out(stdout);
            out << (w.session()->isOpen() ? QStringLiteral("opened %1\n").arg(w.session()->caseFile()->info().title)
                                          : QStringLiteral("welcome\n"));
            out.flush();
            QCoreApplication::quit();
        });
    }
    return app.exec();
}
