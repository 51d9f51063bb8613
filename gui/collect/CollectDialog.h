#pragma once

#include <QDialog>
#include <QHash>

class CaseSession;
class CollectRunner;
class QLineEdit;
class QListWidget;
class QGroupBox;
class QPushButton;
class QProgressBar;
class QLabel;
class QGridLayout;
class QCheckBox;

// Collect from one or more hosts: host field completing from ~/.ssh/config
// and earlier hosts ('local' is this machine), the collectors to run with
// their options (as casectl collect takes them), per-host progress with
// cancel, host-key and password prompts. Evidence appears in the panes as it
// is committed.
class CollectDialog : public QDialog
{
    Q_OBJECT
public:
    CollectDialog(CaseSession *session, const QString &host = QStringLiteral("local"),
                  const QString &collectorKind = {}, QWidget *parent = nullptr);
    ~CollectDialog() override;

    QStringList hosts() const;
    void addHost(const QString &host);
    // Enables a collector with casectl-style options, e.g. "--procfs --samples 2".
    void setCollectorOptions(const QString &kind, bool enabled, const QString &options = {});
    QStringList collectorKinds() const;
    // Starts; false (with error()) when options are invalid or nothing is chosen.
    bool startCollection();
    bool isRunning() const;
    QString error() const { return m_error; }
    QString hostStatus(const QString &host) const;
    CollectRunner *runner() const { return m_runner; }

signals:
    void finished();

protected:
    void reject() override;

private:
    struct CollectorUi
    {
        QGroupBox *box = nullptr;
        QLineEdit *options = nullptr;
    };
    struct HostRow
    {
        QLabel *status = nullptr;
        QProgressBar *bar = nullptr;
        QPushButton *cancel = nullptr;
    };

    CaseSession *m_session;
    CollectRunner *m_runner;
    QLineEdit *m_hostEdit;
    QListWidget *m_hostList;
    QHash<QString, CollectorUi> m_collectors;
    QGridLayout *m_progress;
    QWidget *m_progressBox;
    QHash<QString, HostRow> m_rows;
    QPushButton *m_start;
    QString m_error;
};
