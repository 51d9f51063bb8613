#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;

// Shown when no case is open: New case, Open, Collect from this machine, and
// the recent cases.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    void refreshRecent();
    QPushButton *newButton() const { return m_new; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *collectButton() const { return m_collect; }
    QListWidget *recentList() const { return m_recent; }

signals:
    void newCaseRequested();
    void openCaseRequested();
    void collectLocalRequested();
    void recentCaseRequested(const QString &path);

private:
    QPushButton *m_new;
    QPushButton *m_open;
    QPushButton *m_collect;
    QListWidget *m_recent;
};
