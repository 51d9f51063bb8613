#pragma once

#include "report/ReportDocument.h"

#include <QList>
#include <QString>

class SqliteDatabase;

// The opening of the report's root-cause section: per host, the top chain of
// the latest stored blocker analysis (casectl blockers, the Blockers pane).
// Empty when no analysis is stored or nothing blocks.
namespace BlockerChainSection {
QList<ReportBlock> blocks(SqliteDatabase &db, const QString &lang);
}
