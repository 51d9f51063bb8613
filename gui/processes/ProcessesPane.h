#pragma once

#include "procfs/SnapshotStore.h"

#include "app/WorkbenchPane.h"

#include <QWidget>

class CaseSession;
class ProcessesModel;
class ProcessFilterProxy;
class StateChart;
class QComboBox;
class QTableView;
class QPlainTextEdit;
class QLabel;
class FilterLineEdit;

// The tasks of a procfs snapshot: sortable, filterable table (state, comm,
// wchan, user, namespace, cgroup), D and Z highlighted, per-state and
// per-wchan counts; pick a second snapshot to see what changed. Tasks are
// read on the reader thread.
class ProcessesPane : public QWidget, public WorkbenchPane
{
    Q_OBJECT
public:
    // WorkbenchPane
    QWidget *paneWidget() override { return this; }
    Info paneInfo() const override;
    bool showLink(const ResolvedLink &link) override;
    PaneLoader *paneLoader() const override;

    ProcessesPane(CaseSession *session, QWidget *parent = nullptr);

    ProcessesModel *model() const { return m_model; }
    ProcessFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QComboBox *snapshotBox() const { return m_snapshot; }
    QComboBox *compareBox() const { return m_compare; }
    QComboBox *stateBox() const { return m_state; }
    FilterLineEdit *filterEdit() const { return m_filter; }
    QString comparison() const;
    bool isLoading() const { return m_loading; }
    bool showSnapshot(qint64 snapshotId);
    // Selects the task with this tid in the shown snapshot.
    bool selectTid(qint64 tid);

    class PaneLoader *loader() const { return m_snapshotsLoader; }

public slots:
    void reload();

signals:
    void loaded();

private:
    void loadTasks();
    void setSnapshots(const QList<SnapshotInfo> &snaps);
    void compare();

    CaseSession *m_session;
    ProcessesModel *m_model;
    ProcessFilterProxy *m_proxy;
    QComboBox *m_snapshot;
    QComboBox *m_compare;
    QComboBox *m_state;
    FilterLineEdit *m_filter;
    QTableView *m_view;
    StateChart *m_chart;
    QPlainTextEdit *m_diff;
    QLabel *m_summary;
    bool m_loading = false;
    qint64 m_loadedSnapshot = 0;  // the snapshot whose tasks are shown (or loading)
    qint64 m_pendingSnapshot = 0; // asked for before the list was in
    class PaneLoader *m_snapshotsLoader; // the snapshot list (stamp: SnapshotStore::changeStamp)
};
