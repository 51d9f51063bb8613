#pragma once

#include <QSortFilterProxyModel>

// Filters tasks by state letter(s) and by text in command, wait channel,
// user, cgroup or PID.
class ProcessFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ProcessFilterProxy(QObject *parent = nullptr);
    void setStates(const QString &letters); // "" = all, "D", "DZ"...
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString m_states;
    QString m_text;
};
