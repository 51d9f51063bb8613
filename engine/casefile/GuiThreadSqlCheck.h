#pragma once

#include <QString>
#include <QStringList>

// A check for tests that the workbench's GUI thread never touches a case:
// while enabled, every statement prepared or executed on the application's
// main thread (QCoreApplication's thread) is recorded. The workbench tests
// enable it once their case is open and fail on any hit; everything else
// leaves it off (one relaxed atomic load per statement).
namespace GuiThreadSqlCheck {
void setEnabled(bool on);
bool isEnabled();
// Called by SqliteDatabase for each statement.
void note(const QString &sql);
// The statements recorded since the last take (at most 50), and clears them.
QStringList take();
}
