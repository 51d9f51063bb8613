#pragma once

#include "collectors/options/LocalProcessList.h"

#include <QDialog>

class QLineEdit;
class QThread;
class QTreeWidget;
class QLabel;

// Picks processes of this machine (for strace --strace-pid). The list is read
// from /proc on a worker thread (LocalProcessList: /proc/PID/stat only), so
// the GUI never waits on it; a filter narrows it by name or PID.
class PidPickerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PidPickerDialog(QWidget *parent = nullptr);
    ~PidPickerDialog() override;

    QList<qint64> selectedPids() const;
    // Rows shown once loaded (tests).
    int processCount() const;

signals:
    void loaded();

private:
    void showProcesses(const QList<LocalProcess> &processes);
    void applyFilter();

    QLineEdit *m_filter;
    QTreeWidget *m_list;
    QLabel *m_status;
    QThread *m_loader = nullptr;
    CancelToken m_cancel;
};
