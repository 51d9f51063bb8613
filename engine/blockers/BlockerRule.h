#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// One stack-frame rule of the waits-for graph, as a rules file states it
// (resources/blocker-rules/default.json, docs/blockers.md).
struct BlockerRule
{
    enum class Role { Waits, Holds, WaitsOrHolds };

    QString id;
    QStringList frames;                 // function-name patterns, '*' = any run of characters
    QList<QRegularExpression> matchers; // compiled from frames
    Role role = Role::Waits;
    QString resource;                   // resource kind: directory-lock, file-lock, fuse-server...
    QString explanation;
    QString nextStep;
    QStringList states{QStringLiteral("D")}; // task states (stat letters) it applies to
    QString origin;                     // the file it came from

    bool canWait() const { return role != Role::Holds; }
    bool canHold() const { return role != Role::Waits; }
    static QString roleName(Role role);
};
