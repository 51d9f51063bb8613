#include "MainWindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("casebook"));
    QApplication::setOrganizationName(QStringLiteral("Casebook"));
    QApplication::setApplicationVersion(QStringLiteral(CASEBOOK_VERSION));
    MainWindow w;
    w.show();
    return app.exec();
}
