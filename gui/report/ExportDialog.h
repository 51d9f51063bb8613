#pragma once

#include "sharing/CaseExporter.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// Export / Share: writes a copy of the open case, optionally redacted (host
// names, addresses, user names, host keys, listed terms and patterns
// replaced by pseudonyms; see CaseExporter). The export runs on a worker thread with its own connection.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(const QString &casePath, QWidget *parent = nullptr);
    ~ExportDialog() override;

    QString outputPath() const;
    void setOutputPath(const QString &path);
    CaseExporter::Options options() const;
    void setRedact(bool redact);
    void setTerms(const QStringList &terms);

    // Runs the export now (blocking the caller until done); returns an error
    // message, empty on success. Used by accept() through a worker thread.
    static QString runExport(const QString &casePath, const QString &outPath, const CaseExporter::Options &options,
                             CaseExporter::Result *result = nullptr);

public slots:
    void accept() override;

signals:
    void exported(const QString &path);

private:
    void browse();
    void updateEnabled();

    QString m_casePath;
    QLineEdit *m_out = nullptr;
    QCheckBox *m_redact = nullptr;
    QComboBox *m_profile = nullptr;
    QCheckBox *m_keepHostKeys = nullptr;
    QPlainTextEdit *m_terms = nullptr;
    QPlainTextEdit *m_patterns = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QFutureWatcher<QString> m_watcher;
};
