#pragma once

#include "links/ResolvedLink.h"

#include <QHash>
#include <QString>
#include <functional>

// Which pane shows which kind of link: kind → (resolver, in the engine) →
// pane. MainWindow registers one line per kind and pane; a new pane adds
// its kinds the same way. show() returns false when the pane cannot show
// the resolved thing (e.g. its row is filtered out for good).
class LinkRegistry
{
public:
    using Show = std::function<bool(const ResolvedLink &)>;

    void add(LinkKind kind, const QString &paneName, Show show) { m_entries.insert(int(kind), Entry{paneName, std::move(show)}); }
    bool contains(LinkKind kind) const { return m_entries.contains(int(kind)); }
    QString paneOf(LinkKind kind) const { return m_entries.value(int(kind)).pane; }
    bool show(const ResolvedLink &link) const
    {
        const auto it = m_entries.constFind(int(link.kind));
        return it != m_entries.cend() && it->show(link);
    }

private:
    struct Entry
    {
        QString pane;
        Show show;
    };
    QHash<int, Entry> m_entries;
};
