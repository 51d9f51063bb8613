#pragma once

#include <QWidget>

class NoteHistoryModel;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

// The "History" tab of the notes pane: every version of the current note as
// recorded in the audit log, the selected change as a line diff (removed
// lines red, added lines green), and "Restore" to make an old text current
// again (itself a new, audited edit).
class NoteHistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit NoteHistoryView(QWidget *parent = nullptr);

    NoteHistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *diffView() const { return m_diff; }
    QPushButton *restoreButton() const { return m_restore; }
    void setEditable(bool editable);
    void setMessage(const QString &text);

signals:
    void restoreRequested(const QString &title, const QString &body, const QString &tags);

private:
    void showSelected();

    NoteHistoryModel *m_model;
    QTableView *m_table;
    QPlainTextEdit *m_diff;
    QLabel *m_message;
    QPushButton *m_restore;
    bool m_editable = false;
};
