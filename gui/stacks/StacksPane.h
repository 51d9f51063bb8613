#pragma once

#include "procfs/SnapshotStore.h"

#include "app/WorkbenchPane.h"

#include <QWidget>

class CaseSession;
class StackGroupsModel;
class StackDiffModel;
class FleetMatrixModel;
class QComboBox;
class QTableView;
class QLineEdit;
class QLabel;
class QTabWidget;

// Kernel stack groups of a snapshot (count, commands, wait channel); the stack
// diff of two tasks, groups, snapshots or hosts side by side (common frames
// aligned, differing ones marked); and, with several hosts, the fleet matrix
// of hosts × stack signatures.
class StacksPane : public QWidget, public WorkbenchPane
{
    Q_OBJECT
public:
    // WorkbenchPane
    QWidget *paneWidget() override { return this; }
    Info paneInfo() const override;
    bool showLink(const ResolvedLink &link) override;
    PaneLoader *paneLoader() const override;

    StacksPane(CaseSession *session, QWidget *parent = nullptr);

    StackGroupsModel *groupsModel() const { return m_groups; }
    StackDiffModel *diffModel() const { return m_diff; }
    FleetMatrixModel *fleetModel() const { return m_fleet; }
    QTableView *groupsView() const { return m_groupsView; }
    QComboBox *snapshotBox() const { return m_snapshot; }
    // Diffs two targets as casectl stacks diff takes them: task:HOST/TID,
    // group:SIGNATURE@SNAPSHOT, snapshot:ID, host:NAME.
    void diffSpecs(const QString &a, const QString &b);
    // Diffs the two selected groups; false if not exactly two are selected.
    bool diffSelectedGroups();
    QString diffSummary() const;
    bool isBusy() const { return m_busy > 0; }
    // Shows the groups of a snapshot and selects the group with this
    // signature (once loaded: groupShown). False if there is no such snapshot.
    bool showGroup(qint64 snapshotId, const QString &signature);
    QString currentSignature() const;

    class PaneLoader *loader() const { return m_snapshotsLoader; }

public slots:
    void reload();

signals:
    void groupsLoaded();
    void diffReady();
    void fleetLoaded();
    void groupShown(const QString &signature); // empty: not in the snapshot

private:
    void loadGroups();
    void loadFleet();
    void setSnapshots(const QList<SnapshotInfo> &snaps);
    bool selectPendingGroup();

    CaseSession *m_session;
    StackGroupsModel *m_groups;
    StackDiffModel *m_diff;
    FleetMatrixModel *m_fleet;
    QComboBox *m_snapshot;
    QTableView *m_groupsView;
    QTableView *m_diffView;
    QTableView *m_fleetView;
    QLineEdit *m_specA;
    QLineEdit *m_specB;
    QLabel *m_diffLabel;
    QLabel *m_notRead;     // "12 task(s) with the kernel stack not read (permission)"
    QTabWidget *m_tabs;
    class PaneLoader *m_snapshotsLoader; // the snapshot list (stamp: SnapshotStore::changeStamp)
    qint64 m_pendingSnapshot = 0;  // asked for before the list was in
    qint64 m_groupsSnapshot = 0;   // the snapshot whose groups are shown (or loading)
    bool m_loadingGroups = false;
    QString m_pendingSignature;    // the group to select once loaded
    int m_busy = 0;
};
