#pragma once

#include "collect/ImportRunner.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QDialogButtonBox;

// Case ▸ Import…: the files, and what casectl import takes as --host, --tz
// and --date: the host the evidence came from, the zone of times that carry
// none, and the day a log without dates starts (otherwise the file's
// modification time is taken, and the dialog says so).
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(const QStringList &files, const QStringList &hostNames, QWidget *parent = nullptr);

    QStringList files() const;
    ImportOptions options() const;
    // Empty when the choices are valid, else why not (also shown in the dialog).
    QString problem() const;

    QComboBox *hostBox() const { return m_host; }
    QComboBox *zoneBox() const { return m_zone; }
    QCheckBox *dateCheck() const { return m_hasDate; }
    QDateEdit *dateEdit() const { return m_date; }

    void addFiles(const QStringList &files);

private:
    void validate();

    QListWidget *m_files;
    QComboBox *m_host;
    QComboBox *m_zone;
    QCheckBox *m_hasDate;
    QDateEdit *m_date;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
