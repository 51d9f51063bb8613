#pragma once

#include "collectors/options/CollectorSettings.h"

#include <QDialog>
#include <QSet>
#include <QHash>

class CaseSession;
class CollectRunner;
class CollectorOptionForm;
class QLineEdit;
class QListWidget;
class QGroupBox;
class QPushButton;
class QProgressBar;
class QLabel;
class QGridLayout;
class QMessageBox;

// Collect from one or more hosts: host field completing from ~/.ssh/config
// and earlier hosts ('local' is this machine), the collectors to run, each
// with a form generated from its declared options (CollectorOptionSet), the
// host options (--sudo, --become-method), per-host progress with cancel,
// host-key and password prompts. Evidence appears in the panes as it is
// committed. Closing while collecting asks first; a failed host's bar turns
// red with the error; a re-collect starts from a collection's recorded options.
class CollectDialog : public QDialog
{
    Q_OBJECT
public:
    // collectorKind: a collector ("tcpdump") or the kind of collection it writes ("pcap").
    CollectDialog(CaseSession *session, const QString &host = QStringLiteral("local"),
                  const QString &collectorKind = {}, QWidget *parent = nullptr);
    ~CollectDialog() override;

    QStringList hosts() const;
    void addHost(const QString &host);
    QStringList collectorKinds() const;
    void setCollectorEnabled(const QString &kind, bool enabled);
    bool isCollectorEnabled(const QString &kind) const;
    // The collector's form values (requesting flags set), and setting them.
    CollectorSettings collectorSettings(const QString &kind) const;
    void setCollectorSettings(const QString &kind, const CollectorSettings &settings);
    CollectorOptionForm *collectorForm(const QString &kind) const;
    CollectorSettings hostSettings() const;
    CollectorOptionForm *hostForm() const { return m_hostForm; }

    // Chooses the collector of this collection and fills its form with the
    // options recorded with it (read off the GUI thread); prefilled() follows.
    void prefillFromCollection(qint64 collectionId);

    // Starts; false (with error()) when options are invalid or nothing is chosen.
    bool startCollection();
    bool isRunning() const;
    QString error() const { return m_error; }
    QString hostStatus(const QString &host) const;
    QProgressBar *hostBar(const QString &host) const;
    CollectRunner *runner() const { return m_runner; }
    // The question asked when closing while a collection runs (nullptr when none is open).
    QMessageBox *cancelQuestion() const { return m_cancelQuestion; }

signals:
    void finished();
    void prefilled(bool ok);

protected:
    void reject() override;

private:
    struct CollectorUi
    {
        QGroupBox *box = nullptr;
        CollectorOptionForm *form = nullptr;
    };
    struct HostRow
    {
        QLabel *status = nullptr;
        QProgressBar *bar = nullptr;
        QPushButton *cancel = nullptr;
    };

    void updateLocalHost();
    void showHostFinished(const QString &host, bool ok, const QString &message);
    QSet<QString> m_cancelledHosts; // hosts the user stopped: their end says "cancelled"

    CaseSession *m_session;
    CollectRunner *m_runner;
    QLineEdit *m_hostEdit;
    QListWidget *m_hostList;
    CollectorOptionForm *m_hostForm = nullptr;
    QHash<QString, CollectorUi> m_collectors;
    QGridLayout *m_progress;
    QWidget *m_progressBox;
    QHash<QString, HostRow> m_rows;
    QPushButton *m_start;
    QMessageBox *m_cancelQuestion = nullptr;
    bool m_closeWhenStopped = false;
    QString m_error;
};
