#pragma once

#include "casefile/CaseInfo.h"

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QComboBox;
class QDateTimeEdit;
class QCheckBox;

// Edits the case metadata: title, summary, severity, status, incident window.
class CaseInfoDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CaseInfoDialog(const CaseInfo &info, QWidget *parent = nullptr);
    CaseInfo info() const;

    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *summaryEdit() const { return m_summary; }
    QComboBox *severityBox() const { return m_severity; }
    QComboBox *statusBox() const { return m_status; }

private:
    CaseInfo m_info;
    QLineEdit *m_title;
    QPlainTextEdit *m_summary;
    QComboBox *m_severity;
    QComboBox *m_status;
    QCheckBox *m_hasStart;
    QDateTimeEdit *m_start;
    QCheckBox *m_hasEnd;
    QDateTimeEdit *m_end;
};
