#include "BlockersPane.h"

#include "BlockersGraphView.h"
#include "app/CaseSession.h"
#include "app/EvidenceLink.h"
#include "blockers/BlockerAnalysis.h"
#include "blockers/BlockerGraphStore.h"
#include "blockers/BlockerRuleSet.h"
#include "util/BackgroundReader.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
// The link to open for a node's evidence. A task node's own row opens as
// task:SNAPSHOT/TID, the form the Processes pane resolves exactly.
EvidenceLink linkFor(const BlockerRun &run, const BlockerNode &node, const EvidenceRef &r)
{
    if (node.kind == QLatin1String("task") && r.refKind == QLatin1String("task") && run.snapshotId && node.data.contains(QStringLiteral("tid"))) {
        EvidenceLink l;
        l.kind = QStringLiteral("task");
        l.target = QStringLiteral("%1/%2").arg(run.snapshotId).arg(node.data.value(QStringLiteral("tid")).toInteger());
        return l;
    }
    return EvidenceLink::fromRef(r.refKind, r.refId);
}

QString linkHtml(const EvidenceLink &l, const EvidenceRef &r)
{
    return QStringLiteral("<a href=\"%1\">%2</a> %3").arg(l.url().toString(QUrl::FullyEncoded).toHtmlEscaped(), l.text().toHtmlEscaped(),
                                                          r.label.toHtmlEscaped());
}

// Graph node -> root-cause rank, from the run's findings.
QHash<int, int> ranksOf(const BlockerRun &run)
{
    QHash<int, int> ranks;
    for (int i = 0; i < run.findings.size(); ++i)
        if (run.ranks.value(i) > 0)
            ranks.insert(run.graph.find(run.findings[i].data.value(QStringLiteral("node")).toString()), run.ranks.value(i));
    ranks.remove(-1);
    return ranks;
}

// Plain text with [[kind:id]] links turned into anchors; everything else escaped.
QString linkify(const QString &text)
{
    QString out;
    int last = 0;
    for (const EvidenceLink &l : EvidenceLink::parseAll(text)) {
        out += text.mid(last, l.start - last).toHtmlEscaped();
        out += QStringLiteral("<a href=\"%1\">%2</a>").arg(l.url().toString(QUrl::FullyEncoded).toHtmlEscaped(), l.text().toHtmlEscaped());
        last = l.start + l.length;
    }
    return out + text.mid(last).toHtmlEscaped();
}
}

BlockersPane::BlockersPane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_hosts(new QComboBox(this)), m_analyse(new QPushButton(tr("Analyse A&gain"), this)),
      m_status(new QLabel(this)), m_view(new BlockersGraphView(this)), m_details(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("BlockersPane"));
    m_status->setTextFormat(Qt::PlainText);
    m_details->setOpenLinks(false);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Host:"), this));
    top->addWidget(m_hosts);
    top->addWidget(m_analyse);
    top->addWidget(m_status, 1);
    // The graph grows to the right (victims → resources → holders →
    // servers): it gets the full width, the chains below it.
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({420, 280});
    auto *v = new QVBoxLayout(this);
    v->addLayout(top);
    v->addWidget(split, 1);

    connect(m_hosts, &QComboBox::currentIndexChanged, this, [this] { showRun(); });
    connect(m_analyse, &QPushButton::clicked, this, &BlockersPane::analyse);
    connect(m_view, &BlockersGraphView::boxSelected, this, &BlockersPane::showBox);
    connect(m_view, &BlockersGraphView::boxActivated, this, [this](int box) {
        const BlockerRun *run = currentRun();
        if (!run || box < 0 || box >= m_view->layoutData().boxes.size())
            return;
        for (int n : m_view->layoutData().boxes[box].nodes)
            if (!run->graph.node(n).evidence.isEmpty()) {
                emit evidenceRequested(linkFor(*run, run->graph.node(n), run->graph.node(n).evidence.first()));
                return;
            }
    });
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const EvidenceLink l = EvidenceLink::fromUrl(url);
        if (l.isValid())
            emit evidenceRequested(l);
    });
    connect(session, &CaseSession::opened, this, [this] {
        m_autoAnalysed = false;
        reload();
    });
    connect(session, &CaseSession::dataChanged, this, &BlockersPane::reload);
    connect(session, &CaseSession::closed, this, [this] {
        m_session->reader()->cancel(QStringLiteral("blockers"));
        m_runs.clear();
        m_layouts.clear();
        m_hosts->clear();
        m_view->setLayoutData({});
        m_details->clear();
        m_status->clear();
        m_loaded = false;
    });
}

const BlockerRun *BlockersPane::currentRun() const
{
    const int i = m_hosts->currentIndex();
    return i >= 0 && i < m_runs.size() ? &m_runs[i] : nullptr;
}

void BlockersPane::reload()
{
    if (!m_session->isOpen())
        return;
    const bool writable = m_session->isWritable();
    m_status->setText(tr("Reading the waits-for graph…"));
    m_session->reader()->run<Loaded>(
        QStringLiteral("blockers"),
        [writable](CaseFile &cf, const CancelToken &) {
            Loaded out;
            const BlockerRuleSet rules = BlockerRuleSet::standard();
            BlockerAnalysis analysis(cf.db(), rules);
            BlockerGraphStore store(cf.db());
            for (qint64 host : analysis.hostsWithEvidence()) {
                std::optional<BlockerRun> run = store.latest(host);
                const bool current = run && run->inputStamp == analysis.inputStamp(host);
                if (!current)
                    out.stale = true;
                if (!current && !writable)
                    run = analysis.build(host); // read-only case: shown, not stored
                if (run) {
                    out.runs.append(*run);
                    out.layouts.append(BlockersLayout::compute(run->graph, ranksOf(*run)));
                }
            }
            return out;
        },
        this, [this](const Loaded &data) { show(data); },
        [this](const QString &e) { m_status->setText(tr("Cannot read the waits-for graph: %1").arg(e)); });
}

void BlockersPane::analyse()
{
    if (!m_session->isOpen() || !m_session->isWritable() || m_analysing)
        return;
    m_analysing = true;
    m_analyse->setEnabled(false);
    m_status->setText(tr("Analysing who waits for whom…"));
    m_session->write<int>(
        [](CaseFile &cf) {
            const BlockerRuleSet rules = BlockerRuleSet::standard();
            BlockerAnalysis analysis(cf.db(), rules);
            int runs = 0;
            for (qint64 host : analysis.hostsWithEvidence()) {
                analysis.run(host);
                ++runs;
            }
            return runs;
        },
        this,
        [this](const int &) {
            m_analysing = false;
            m_analyse->setEnabled(true);
        },
        [this](const QString &e) {
            m_analysing = false;
            m_analyse->setEnabled(true);
            m_status->setText(tr("The analysis failed: %1").arg(e));
        });
}

void BlockersPane::show(const Loaded &data)
{
    const QString host = m_hosts->currentText();
    m_runs = data.runs;
    m_layouts = data.layouts;
    {
        const QSignalBlocker block(m_hosts);
        m_hosts->clear();
        for (const BlockerRun &r : std::as_const(m_runs))
            m_hosts->addItem(r.hostName);
        const int keep = m_hosts->findText(host);
        // The host with the most blocked tasks first, unless the user chose one.
        int best = 0, bestBlocked = -1;
        for (int i = 0; i < m_runs.size(); ++i)
            if (const Finding *top = m_runs[i].topRootCause(); top && top->data.value(QStringLiteral("blocked")).toInt() > bestBlocked) {
                best = i;
                bestBlocked = top->data.value(QStringLiteral("blocked")).toInt();
            }
        m_hosts->setCurrentIndex(keep >= 0 ? keep : best);
    }
    m_analyse->setEnabled(m_session->isWritable() && !m_analysing);
    // The analysis runs by itself once per opening when the stored graph is
    // older than the evidence (setting blockers/analyseOnOpen, default on).
    if (data.stale && m_session->isWritable() && !m_autoAnalysed
        && QSettings().value(QStringLiteral("blockers/analyseOnOpen"), true).toBool()) {
        m_autoAnalysed = true; // once per opening: a failing analysis is not retried in a loop
        analyse();
    }
    showRun();
    m_loaded = true;
    emit loaded();
}

void BlockersPane::showRun()
{
    const BlockerRun *run = currentRun();
    if (!run) {
        m_view->setLayoutData({});
        m_details->setPlainText(tr("No host of this case has evidence the waits-for graph is built from (procfs snapshots, "
                                   "kernel log, strace, captures)."));
        if (!m_analysing)
            m_status->clear();
        return;
    }
    m_view->setLayoutData(m_layouts.value(m_hosts->currentIndex()));
    if (!m_analysing)
        m_status->setText(run->id ? tr("%1 nodes, %2 edges · run %3").arg(run->graph.nodeCount()).arg(run->graph.edges().size()).arg(run->id)
                                  : tr("%1 nodes, %2 edges · not stored (read-only case)").arg(run->graph.nodeCount()).arg(run->graph.edges().size()));
    QString html;
    if (run->findings.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("Nothing waits on anything the evidence shows.").toHtmlEscaped());
    for (int i = 0; i < run->findings.size(); ++i) {
        const Finding &f = run->findings[i];
        const QString link = f.id ? QStringLiteral(" <a href=\"%1\">[[finding:%2]]</a>")
                                        .arg(EvidenceLink::fromRef(QStringLiteral("finding"), f.id).url().toString(QUrl::FullyEncoded).toHtmlEscaped())
                                        .arg(f.id)
                                  : QString();
        html += QStringLiteral("<h4>%1%2</h4>").arg(f.title.toHtmlEscaped(), link);
        html += QStringLiteral("<p>%1</p>").arg(linkify(f.detail));
    }
    m_details->setHtml(html);
}

void BlockersPane::showBox(int box)
{
    const BlockerRun *run = currentRun();
    if (!run || box < 0 || box >= m_view->layoutData().boxes.size())
        return;
    const BlockersLayout::Box &b = m_view->layoutData().boxes[box];
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p>").arg(b.title.toHtmlEscaped(), b.subtitle.toHtmlEscaped());
    for (int n : b.nodes.mid(0, 50)) {
        const BlockerNode &node = run->graph.node(n);
        html += QStringLiteral("<p><b>%1</b>").arg(node.label.toHtmlEscaped());
        if (!node.detail.isEmpty())
            html += QStringLiteral("<br>%1").arg(node.detail.toHtmlEscaped());
        for (const EvidenceRef &r : node.evidence.mid(0, 10))
            html += QStringLiteral("<br>") + linkHtml(linkFor(*run, node, r), r);
        html += QStringLiteral("</p>");
    }
    if (b.nodes.size() > 50)
        html += QStringLiteral("<p>%1</p>").arg(tr("… and %1 more").arg(b.nodes.size() - 50).toHtmlEscaped());
    // The edges out of the box, with why they exist.
    html += QStringLiteral("<ul>");
    int shown = 0;
    for (const BlockerEdge &e : run->graph.edges())
        if (b.nodes.contains(e.from) && shown++ < 12)
            html += QStringLiteral("<li>%1 → %2: %3</li>").arg(e.kind.toHtmlEscaped(), run->graph.node(e.to).label.toHtmlEscaped(),
                                                                e.explanation.toHtmlEscaped());
    html += QStringLiteral("</ul>");
    m_details->setHtml(html);
}
