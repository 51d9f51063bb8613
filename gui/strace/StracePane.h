#pragma once

#include "strace/StraceSummaryRow.h"
#include "strace/StraceTraceRow.h"

#include <QList>
#include <QTimer>
#include <QWidget>

class CaseSession;
class FilterLineEdit;
class StraceCallsModel;
class StraceErrorsModel;
class StraceFdsModel;
class StraceProcessTreeModel;
class StraceSummaryModel;
struct StraceViewData;
class QAbstractItemView;
class QComboBox;
class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeView;

// The strace evidence of a case: pick a trace (or all), then hung calls
// (what never returned: the first thing to look at), a strace -c like
// summary, the slowest calls, errors, the process tree, file descriptors and
// a grep -F search over every call. Everything is read on the reader thread;
// it reloads when the case's strace evidence changes. Double-clicking a call
// asks for its raw log.
class StracePane : public QWidget
{
    Q_OBJECT
public:
    enum View { Hung, Summary, Slowest, Errors, Processes, Fds, Search };
    static constexpr int kSearchLimit = 1000;
    // While evidence streams in (a collection running), at most one full reload this often.
    static constexpr int kReloadIntervalMs = 2000;

    StracePane(CaseSession *session, QWidget *parent = nullptr);
    ~StracePane() override;

    QComboBox *traceBox() const { return m_trace; }
    QTabWidget *views() const { return m_views; }
    StraceCallsModel *hungModel() const { return m_hung; }
    StraceSummaryModel *summaryModel() const { return m_summary; }
    StraceCallsModel *slowestModel() const { return m_slowest; }
    StraceErrorsModel *errorsModel() const { return m_errors; }
    StraceProcessTreeModel *processModel() const { return m_processes; }
    StraceFdsModel *fdsModel() const { return m_fds; }
    StraceCallsModel *searchModel() const { return m_search; }
    QSortFilterProxyModel *proxy(View view) const;
    QAbstractItemView *view(View view) const;
    QComboBox *summaryScopeBox() const { return m_summaryScope; }
    FilterLineEdit *searchEdit() const { return m_searchEdit; }
    QLabel *searchStatus() const { return m_searchStatus; }
    QLabel *statusLabel() const { return m_status; }
    QPlainTextEdit *detail() const { return m_detail; }
    // True until every view (file descriptors last) has its data.
    bool isLoading() const { return m_loading || m_loadingFds; }
    bool isSearching() const { return m_searching; }
    // The call id of the current row in the view shown, 0 if none.
    qint64 currentCallId() const;

    // Shows a call (a finding's 'strace-call' evidence): selected among the
    // hung or slowest calls if it is there, otherwise looked up and shown
    // alone in Search. False only if no case is open.
    bool showCall(qint64 callId);
    // Runs a search now (the box otherwise waits for typing to pause).
    void search(const QString &text);

public slots:
    void reload();

signals:
    // After a load: once the views are filled, again when the file descriptors are in.
    void loaded();
    void searched();
    void callShown(qint64 callId);
    void artifactRequested(qint64 artifactId, qint64 line);
    void statusMessage(const QString &message);

private:
    QTableView *makeTable(QSortFilterProxyModel *proxy, int sortColumn, Qt::SortOrder order);
    void load();
    void checkForChanges();
    void apply(const StraceViewData &d);
    void loadFds(qint64 collectionId);
    void fillTraceBox(const QList<StraceTraceRow> &traces, qint64 selected);
    void updateTabTitles();
    void updateDescription();
    bool selectIn(View view, qint64 callId);
    void showDetail(const QModelIndex &proxyIndex);
    void activateCall(const QModelIndex &proxyIndex);
    void lookUpCall(qint64 callId);

    CaseSession *m_session;
    QComboBox *m_trace;
    QLabel *m_status;
    QTabWidget *m_views;
    StraceCallsModel *m_hung;
    StraceSummaryModel *m_summary;
    StraceCallsModel *m_slowest;
    StraceErrorsModel *m_errors;
    StraceProcessTreeModel *m_processes;
    StraceFdsModel *m_fds;
    StraceCallsModel *m_search;
    QList<QSortFilterProxyModel *> m_proxies; // by View
    QList<QAbstractItemView *> m_itemViews;   // by View
    QLabel *m_hungNote;
    QComboBox *m_summaryScope;
    QLabel *m_summaryTotals;
    FilterLineEdit *m_fdFilter;
    FilterLineEdit *m_searchEdit;
    QLabel *m_searchStatus;
    QPlainTextEdit *m_detail;
    QList<StraceSummaryRow> m_summaryOverall;
    QList<StraceSummaryRow> m_summaryPerProcess;
    QString m_fingerprint;
    QTimer m_throttle;
    qint64 m_pendingCall = 0;
    bool m_loading = false;
    bool m_loadingFds = false;
    bool m_searching = false;
    bool m_hasData = false;
    bool m_recheck = false;
};
