#pragma once

#include "BlockerRule.h"

#include <QList>

// What the rules say about one kernel stack: the resource the task waits on
// (the first rule in rule order that can wait and matches a frame) and the
// resources it holds while it waits.
struct StackClassification
{
    struct Match
    {
        const BlockerRule *rule = nullptr;
        int frameIndex = -1; // innermost frame = 0
        QString frame;
    };
    Match wait;          // rule == nullptr: no rule says what it waits on
    QList<Match> holds;  // one per resource kind, innermost first

    bool waits() const { return wait.rule != nullptr; }
};
