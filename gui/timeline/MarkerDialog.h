#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QDateTimeEdit;

// Asks for a marker's kind (detection, diagnosis, repair, key moment), label
// and time (UTC, to the millisecond).
class MarkerDialog : public QDialog
{
    Q_OBJECT
public:
    MarkerDialog(qint64 atUs, QWidget *parent = nullptr);
    QString kind() const;
    QString label() const;
    qint64 atUs() const;
    static QString kindLabel(const QString &kind);

private:
    QComboBox *m_kind;
    QLineEdit *m_label;
    QDateTimeEdit *m_time;
    qint64 m_subMs;
};
