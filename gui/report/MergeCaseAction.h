#pragma once

#include "sharing/CaseMerger.h"

#include <QString>

class QWidget;

// File → Merge Case…: asks for a colleague's case file, merges it into the
// open case on a worker thread (its own connection) and reports what arrived.
class MergeCaseAction
{
public:
    // Interactive: file dialog, progress, summary box. Returns true if merged.
    static bool mergeInteractively(QWidget *parent, const QString &casePath);
    // The merge itself; returns an error message, empty on success.
    static QString runMerge(const QString &casePath, const QString &otherPath, CaseMerger::Result *result = nullptr);
    // "3 rows added (findings 1, notes 2); 1 artifact already present" in the UI language.
    static QString summary(const CaseMerger::Result &result);
};
