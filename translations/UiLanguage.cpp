#include "UiLanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace {
QTranslator *s_app = nullptr;
QTranslator *s_qt = nullptr;
}

namespace UiLanguage {

QStringList available()
{
    QStringList out;
    for (const QString &f : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("casebook_*.qm")}))
        out.append(f.mid(9, f.size() - 12));
    return out;
}

void uninstall()
{
    for (QTranslator **t : {&s_app, &s_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}

QString install(const QLocale &locale)
{
    uninstall();
    if (!QCoreApplication::instance())
        return {};
    auto *app = new QTranslator;
    if (!app->load(locale, QStringLiteral("casebook"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete app;
        return {};
    }
    s_app = app;
    QCoreApplication::installTranslator(app);
    // Qt's own strings (standard buttons, file dialogs), when installed.
    auto *qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        s_qt = qt;
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    return app->language().section(QLatin1Char('_'), 0, 0);
}

}
