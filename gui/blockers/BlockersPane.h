#pragma once

#include "BlockersLayout.h"
#include "blockers/BlockerRun.h"

#include <QHash>
#include <QList>
#include <QWidget>

class CaseSession;
class BlockersGraphView;
class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;
struct EvidenceLink;

// The waits-for graph of a host (engine/blockers): victims grouped by stack,
// the resources they wait for, the holders, the external servers; the
// ranked root causes with their chains beside it. Runs are read off the GUI
// thread (the session's reader); a stale or missing run is analysed and
// stored by the session's writer when the case is writable, else built in
// memory. Clicking a box shows its evidence links; double-clicking opens the
// first one (evidenceRequested, routed by MainWindow::openLink).
class BlockersPane : public QWidget
{
    Q_OBJECT
public:
    explicit BlockersPane(CaseSession *session, QWidget *parent = nullptr);

    BlockersGraphView *graphView() const { return m_view; }
    QTextBrowser *details() const { return m_details; }
    QComboBox *hostBox() const { return m_hosts; }
    const QList<BlockerRun> &runs() const { return m_runs; }
    // The run shown (nullptr before the first load).
    const BlockerRun *currentRun() const;
    bool isLoaded() const { return m_loaded; }

public slots:
    void reload();
    // Re-analyses every host now (writer), even when the stored runs are current.
    void analyse();

signals:
    void evidenceRequested(const EvidenceLink &link);
    void loaded();

private:
    struct Loaded
    {
        QList<BlockerRun> runs;
        QList<BlockersLayout> layouts; // parallel to runs, computed off the GUI thread
        bool stale = false;
        QString error;
    };
    void show(const Loaded &data);
    void showRun();
    void showBox(int box);

    CaseSession *m_session;
    QComboBox *m_hosts;
    QPushButton *m_analyse;
    QLabel *m_status;
    BlockersGraphView *m_view;
    QTextBrowser *m_details;
    QList<BlockerRun> m_runs;
    QList<BlockersLayout> m_layouts;
    bool m_loaded = false;
    bool m_analysing = false;
    bool m_autoAnalysed = false;
};
