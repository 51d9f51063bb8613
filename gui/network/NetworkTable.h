#pragma once

#include <QTableView>

class QSortFilterProxyModel;

// The read-only, sortable, row-selecting table every network view uses.
// Copy (Ctrl+C) puts the selected rows on the clipboard as tab-separated
// text, each followed by its evidence link ([[conversation:12]]) when the
// table has one, ready to paste into a note.
class NetworkTable : public QTableView
{
    Q_OBJECT
public:
    explicit NetworkTable(QSortFilterProxyModel *proxy, QWidget *parent = nullptr);
    // "conversation", "rpc-call", or "" for rows that are not evidence.
    void setLinkKind(const QString &kind) { m_linkKind = kind; }
    QString selectedText() const;
    void copySelection() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString m_linkKind;
};
