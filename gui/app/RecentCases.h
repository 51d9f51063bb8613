#pragma once

#include <QStringList>

// The list of recently opened cases, kept in QSettings (most recent first).
class RecentCases
{
public:
    static constexpr int kMax = 10;
    static QStringList list();        // existing files only
    static void add(const QString &path);
    static void remove(const QString &path);
    static void clear();
};
