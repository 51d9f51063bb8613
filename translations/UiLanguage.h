#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QTranslator;

// The workbench's UI language: the catalogue (:/i18n/casebook_<lang>.qm) for
// a locale, installed into the running application. English is the source
// language and needs no catalogue.
namespace UiLanguage {
// Languages with a catalogue besides English.
QStringList available();
// Installs the catalogue matching locale (its UI languages in order); returns
// the language installed, or an empty string for English/none. Replaces a
// catalogue installed before.
QString install(const QLocale &locale = QLocale::system());
// Removes the installed catalogue (back to English).
void uninstall();
}
