#pragma once

#include "BlockerRule.h"
#include "StackClassification.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The stack-frame rules, loaded like the syntax definitions: the bundled file
// (:/casebook/blocker-rules/default.json, from resources/blocker-rules/) plus
// every *.json in the user directory ($XDG_DATA_HOME/casebook/blocker-rules,
// or CASEBOOK_BLOCKER_RULES_DIR). User rules come first, so a user rule with
// the same frames takes precedence; a user rule with a bundled rule's id
// replaces it. A file that does not parse is reported in problems() and
// skipped; it never stops the analysis.
class BlockerRuleSet
{
public:
    // Parses one rules file; invalid rules are skipped with a problem each.
    void addFile(const QByteArray &json, const QString &origin);
    // Bundled rules plus the user directory's.
    static BlockerRuleSet standard();
    // Bundled rules only.
    static BlockerRuleSet bundled();
    static QString userDirectory();

    // state: the task's state letter (stat); only rules listing it apply.
    StackClassification classify(const QStringList &framesInnermostFirst, const QString &state = QStringLiteral("D")) const;

    const QList<BlockerRule> &rules() const { return m_rules; }
    const BlockerRule *byId(const QString &id) const;
    QStringList problems() const { return m_problems; }
    // Hash of every rule's content: an analysis stored with other rules is stale.
    QString fingerprint() const;
    // Function name without offset and compiler suffixes (.part.N, .isra.N, .constprop.N, .cold).
    static QString functionName(const QString &frame);

private:
    QList<BlockerRule> m_rules;
    QStringList m_problems;
};
