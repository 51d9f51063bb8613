// Linked into the casebook executable: the UI follows the system locale
// (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) from the moment the application exists.
#include "UiLanguage.h"

#include <QCoreApplication>

namespace {
void installSystemLanguage()
{
    UiLanguage::install(QLocale::system());
}
}

Q_COREAPP_STARTUP_FUNCTION(installSystemLanguage)
