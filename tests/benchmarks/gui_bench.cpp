// gui_bench: the workbench on a big case. Generates a case with 1,000,000
// timeline events (20 hosts, 4 sources, bursts) and 100,000 tasks, then
// measures, offscreen: time from opening the case to the first painted
// timeline with data, repaint latency while zooming across the full range and
// scrolling, peak memory, and the longest event-loop stall (QTimer heartbeat)
// while opening, during a live procfs collection of this machine through the
// GUI's collect runner, and while importing a big strace log through the GUI's
// import runner. For each stall it names the longest single event delivery on
// the GUI thread (receiver class, event type), to show where it came from.
// The peer is the sqlite3 shell computing the same per-bucket counts.
//
//   gui_bench [--events N] [--tasks N] [--import-mb N] [--samples N] [--dir DIR]
#include "app/CaseSession.h"
#include "app/MainWindow.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseFileValidator.h"
#include "casefile/CollectionStore.h"
#include "casefile/EventStore.h"
#include "casefile/HostStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "collect/CollectRunner.h"
#include "util/BackgroundReader.h"
#include "collect/ImportRunner.h"
#include "collectors/CollectorCatalog.h"
#include "timeline/TimelineController.h"
#include "timeline/TimelinePane.h"
#include "timeline/TimelineView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMetaEnum>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>

namespace {
QTextStream out(stdout);

qint64 argValue(const QStringList &args, const QString &name, qint64 def)
{
    const int i = int(args.indexOf(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toLongLong() : def;
}

// The application, timing each event delivered on the GUI thread (its own
// time, without the events nested in it), so that the longest heartbeat gap
// can be traced to the event that filled it.
class BenchApp : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_tracking || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        m_frames.append({m_clock.nsecsElapsed(), 0, describe(receiver, event)});
        const bool r = QApplication::notify(receiver, event);
        const Frame f = m_frames.takeLast();
        const qint64 total = m_clock.nsecsElapsed() - f.start;
        const qint64 own = total - f.nested;
        if (!m_frames.isEmpty())
            m_frames.last().nested += total;
        if (own > m_worstOwn) {
            m_worstOwn = own;
            m_worst = f.what;
        }
        return r;
    }
    // Heartbeats: a gap longer than any before is blamed on the event with the
    // most own time since the previous beat.
    void track()
    {
        m_clock.start();
        m_tracking = true;
        m_lastBeat = 0;
        m_maxGap = 0;
        m_culprit.clear();
        resetWindow();
    }
    void beat()
    {
        const qint64 now = m_clock.nsecsElapsed();
        if (m_lastBeat && now - m_lastBeat > m_maxGap) {
            m_maxGap = now - m_lastBeat;
            m_culprit = m_worstOwn > 0 ? QStringLiteral("%1 ms in %2").arg(m_worstOwn / 1e6, 0, 'f', 1).arg(m_worst)
                                       : QStringLiteral("outside event delivery (code run by the caller)");
        }
        m_lastBeat = now;
        resetWindow();
    }
    double maxGapMs() const { return m_maxGap / 1e6; }
    // How long the outermost event being delivered now has run (0 outside).
    double outermostEventMs() const
    {
        return m_frames.isEmpty() ? 0 : (m_clock.nsecsElapsed() - m_frames.first().start) / 1e6;
    }
    QString culprit() const { return m_culprit; }

private:
    struct Frame
    {
        qint64 start;
        qint64 nested;
        QString what;
    };
    void resetWindow()
    {
        m_worstOwn = 0;
        m_worst.clear();
        // Events still open (a nested event loop) count from now on.
        const qint64 now = m_clock.nsecsElapsed();
        for (Frame &f : m_frames) {
            f.start = now;
            f.nested = 0;
        }
    }
    static QString describe(QObject *receiver, QEvent *event)
    {
        const QMetaEnum types = QMetaEnum::fromType<QEvent::Type>();
        const char *type = types.valueToKey(event->type());
        QString name = QString::fromLatin1(receiver->metaObject()->className());
        if (!receiver->objectName().isEmpty())
            name += QLatin1Char('"') + receiver->objectName() + QLatin1Char('"');
        if (receiver->parent())
            name += QStringLiteral(" (in %1)").arg(QString::fromLatin1(receiver->parent()->metaObject()->className()));
        return name + QLatin1Char(' ') + (type ? QString::fromLatin1(type) : QString::number(event->type()));
    }
    QElapsedTimer m_clock;
    bool m_tracking = false;
    QList<Frame> m_frames;
    qint64 m_worstOwn = 0;
    QString m_worst;
    qint64 m_lastBeat = 0;
    qint64 m_maxGap = 0;
    QString m_culprit;
};

// Longest gap between heartbeats of a 5 ms timer on the GUI thread, minus
// the period, with the event that filled it.
class Heartbeat : public QObject
{
public:
    explicit Heartbeat(BenchApp &app) : m_app(app)
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { m_app.beat(); });
    }
    void start()
    {
        m_app.track();
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        m_culprit = m_app.culprit();
        return std::max(0.0, m_app.maxGapMs() - 5.0);
    }
    QString culprit() const { return m_culprit; }

private:
    BenchApp &m_app;
    QTimer m_timer;
    QString m_culprit;
};

double peakRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

void spinUntil(const std::function<bool()> &cond, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!cond() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

void generate(const QString &path, qint64 events, qint64 tasks)
{
    auto cf = CaseFile::create(path, QStringLiteral("gui_bench: %1 events, %2 tasks").arg(events).arg(tasks));
    auto &db = cf->db();
    QList<qint64> hosts;
    for (int h = 0; h < 20; ++h)
        hosts << HostStore(db).ensure(QStringLiteral("web-%1").arg(h, 2, 10, QLatin1Char('0')));
    const qint64 coll = CollectionStore(db).begin(hosts.first(), QStringLiteral("import"), QStringLiteral("gui_bench"));
    const qint64 start = 1790000000LL * 1000000; // 2026-09
    const qint64 day = 86400LL * 1000000;
    const char *sources[] = {"kernel-log", "strace", "pcap", "procfs"};
    const char *kinds[] = {"hung-task", "nfs-not-responding", "oom-kill", "syscall", "conversation", "snapshot"};
    QRandomGenerator rng(42);
    SqliteTransaction tx(db);
    SqliteStatement st = db.prepare(QStringLiteral(
        "INSERT INTO events(host_id, collection_id, at_us, kind, source, summary) VALUES (?,?,?,?,?,?)"));
    for (qint64 i = 0; i < events; ++i) {
        // A third of everything falls in a 10-minute burst in the middle.
        const qint64 at = (i % 3 == 0) ? start + day / 2 + qint64(rng.bounded(600.0) * 1e6)
                                       : start + qint64(rng.bounded(double(day)));
        const int src = int(rng.bounded(4));
        st.bind(1, hosts[int(rng.bounded(20))]).bind(2, coll).bind(3, at)
            .bind(4, QLatin1String(kinds[rng.bounded(6)])).bind(5, QLatin1String(sources[src]))
            .bind(6, QStringLiteral("event %1 from %2").arg(i).arg(QLatin1String(sources[src])));
        st.exec();
    }
    tx.commit();
    // Tasks: procfs snapshots of the procfs area's schema, when it is present.
    if (db.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'procfs_tasks'")) > 0) {
        SqliteTransaction t2(db);
        SqliteStatement snap = db.prepare(QStringLiteral(
            "INSERT INTO procfs_snapshots(collection_id, host_id, taken_us) VALUES (?,?,?)"));
        SqliteStatement task = db.prepare(QStringLiteral(
            "INSERT INTO procfs_tasks(snapshot_id, pid, tid, comm, state, wchan, stack_status) VALUES (?,?,?,?,?,?,'ok')"));
        const qint64 perSnapshot = 5000;
        qint64 snapshot = 0;
        for (qint64 i = 0; i < tasks; ++i) {
            if (i % perSnapshot == 0) {
                snap.bind(1, coll).bind(2, hosts[int((i / perSnapshot) % 20)]).bind(3, start + (i / perSnapshot) * 60000000LL);
                snap.exec();
                snapshot = db.lastInsertRowId();
            }
            const char *state = (i % 50 == 0) ? "D" : (i % 333 == 0) ? "Z" : "S";
            task.bind(1, snapshot).bind(2, 1000 + i).bind(3, 1000 + i).bind(4, QStringLiteral("worker-%1").arg(i % 97))
                .bind(5, QLatin1String(state)).bind(6, QLatin1String(i % 50 == 0 ? "rpc_wait_bit_killable" : "ep_poll"));
            task.exec();
        }
        t2.commit();
    }
    CollectionStore(db).finish(coll, CollectionRecord::Status::Complete);
}

void writeStraceLog(const QString &path, qint64 megabytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return;
    QByteArray block;
    for (int i = 0; i < 2000; ++i)
        block += QStringLiteral("%1 15:05:%2.%3 openat(AT_FDCWD, \"/srv/app/cache/%4\", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000030>\n")
                     .arg(14000 + i % 64)
                     .arg(i % 60, 2, 10, QLatin1Char('0'))
                     .arg(i * 37 % 1000000, 6, 10, QLatin1Char('0'))
                     .arg(i)
                     .toUtf8();
    const qint64 target = megabytes << 20;
    while (f.size() < target)
        f.write(block);
}

struct Latency
{
    QList<double> values;
    QString worst; // what the longest one was
    void add(double v, const QString &what = {})
    {
        if (values.isEmpty() || v > max())
            worst = what;
        values.append(v);
    }
    double max() const { return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end()); }
    double median() const
    {
        if (values.isEmpty())
            return 0;
        QList<double> v = values;
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    }
};

// Moves the window, then waits for the data and the paint that shows it.
double moveAndPaint(TimelineView *view, TimelineController *c, qint64 from, qint64 to, Latency &paint)
{
    QElapsedTimer t;
    t.start();
    const qint64 before = view->paintCount();
    view->setWindow(from, to);
    QCoreApplication::processEvents(); // the coalesced request goes out
    spinUntil([&] { return !c->isBusy() && c->windowFrom() == view->fromUs() && view->paintCount() > before; });
    view->viewport()->repaint(); // one synchronous paint to time painting alone
    paint.add(view->lastPaintMs(), QStringLiteral("%1 s wide, %2").arg(double(to - from) / 1e6, 0, 'g', 4)
                                       .arg(c->isDetailed() ? QStringLiteral("%1 items").arg(c->items().size())
                                                            : QStringLiteral("density bars")));
    return t.nsecsElapsed() / 1e6;
}
}

int main(int argc, char **argv)
{
    BenchApp app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CasebookBench"));
    QApplication::setApplicationName(QStringLiteral("gui_bench"));
    const QStringList args = app.arguments();
    const qint64 events = argValue(args, QStringLiteral("--events"), 1000000);
    const qint64 tasks = argValue(args, QStringLiteral("--tasks"), 100000);
    const qint64 importMb = argValue(args, QStringLiteral("--import-mb"), 500);
    const qint64 samples = argValue(args, QStringLiteral("--samples"), 5);
    QTemporaryDir tmp;
    const int di = int(args.indexOf(QStringLiteral("--dir")));
    const QString dir = di > 0 && di + 1 < args.size() ? args.at(di + 1) : tmp.path();
    QDir().mkpath(dir);
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir + QStringLiteral("/config")));
    const QString casePath = dir + QStringLiteral("/gui_bench.casebook");
    QFile::remove(casePath);

    QElapsedTimer gen;
    gen.start();
    generate(casePath, events, tasks);
    out << "gui_bench: generated " << events << " events, " << tasks << " tasks in " << gen.elapsed() << " ms ("
        << QFileInfo(casePath).size() / (1 << 20) << " MB)\n";
    out.flush();

    // Peer: the sqlite3 shell computing the same overview counts.
    double peerMs = -1;
    {
        QProcess p;
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral("sqlite3"), {casePath, QStringLiteral(
            "SELECT count(*) FROM (SELECT host_id, source, CAST((at_us - (SELECT min(at_us) FROM events)) / 1318.0 AS INTEGER) b, "
            "count(*) FROM events GROUP BY host_id, source, b);")});
        if (p.waitForFinished(120000) && p.exitCode() == 0)
            peerMs = t.nsecsElapsed() / 1e6;
    }

    Heartbeat beat(app);
    MainWindow w;
    w.setQuiet(true);
    w.resize(1600, 1000);
    w.show();
    QCoreApplication::processEvents();
    TimelinePane *pane = w.timelinePane();
    TimelineView *view = pane->view();
    TimelineController *c = pane->controller();

    // The GUI-thread time of one commit notification: from the start of the
    // event that emitted CaseSession::dataChanged to this slot, connected
    // last, so after every pane's.
    double notifyMaxMs = 0;
    QObject::connect(w.session(), &CaseSession::dataChanged, &w, [&] { notifyMaxMs = std::max(notifyMaxMs, app.outermostEventMs()); });
    beat.start();
    QElapsedTimer open;
    open.start();
    double firstPaintMs = -1;
    double firstDataPaintMs = -1;
    QObject::connect(view, &TimelineView::painted, view, [&] {
        if (firstPaintMs < 0)
            firstPaintMs = open.nsecsElapsed() / 1e6;
        if (firstDataPaintMs < 0 && view->lastPaintHadData() && c->hasOverview())
            firstDataPaintMs = open.nsecsElapsed() / 1e6;
    });
    // As a colleague's case arrives: never opened on this machine, so the
    // full integrity check runs (in the background, the case read-only until
    // it passes).
    CaseFileValidator::forget(casePath);
    double checkedMs = -1;
    bool checkPassed = false;
    QObject::connect(w.session(), &CaseSession::integrityChecked, &w, [&](bool passed, const QString &) {
        checkedMs = open.nsecsElapsed() / 1e6;
        checkPassed = passed;
    });
    if (!w.openCase(casePath)) {
        out << "gui_bench: cannot open: " << w.lastError() << "\n";
        return 1;
    }
    const double openedMs = open.nsecsElapsed() / 1e6;
    spinUntil([&] { return firstDataPaintMs >= 0; });
    spinUntil([&] { return !c->isBusy(); });
    const double fineOverviewMs = open.nsecsElapsed() / 1e6;
    spinUntil([&] { return !w.session()->isCheckingIntegrity(); });
    const double openStall = beat.stop();
    const QString openWorst = beat.culprit();

    // Zoom from everything down to one second around the burst, then out.
    Latency zoomLat, paintLat, scrollLat;
    const qint64 ext0 = c->extentFrom(), ext1 = c->extentTo();
    const qint64 mid = ext0 + (ext1 - ext0) / 2 + 300LL * 1000000;
    for (qint64 span = ext1 - ext0; span > 1000000; span /= 2)
        zoomLat.add(moveAndPaint(view, c, mid - span / 2, mid + span / 2, paintLat));
    for (qint64 span = 1000000; span < ext1 - ext0; span *= 4)
        zoomLat.add(moveAndPaint(view, c, mid - span / 2, mid + span / 2, paintLat));
    // Scroll across the whole day at a one-hour window, and in the burst at 10 s.
    const qint64 hour = 3600LL * 1000000;
    for (qint64 from = ext0; from + hour <= ext1; from += hour / 2)
        scrollLat.add(moveAndPaint(view, c, from, from + hour, paintLat));
    for (qint64 from = mid - 300LL * 1000000; from < mid + 300LL * 1000000; from += 5LL * 1000000)
        scrollLat.add(moveAndPaint(view, c, from, from + 10LL * 1000000, paintLat));

    // A live collection into the open case: procfs snapshots (and the kernel
    // log) of this machine through the GUI's collect runner and the real
    // collectors, the window refreshing as evidence is committed.
    double collectStall = -1, collectMs = -1, collectNotifyMs = -1, importNotifyMs = -1;
    QString collectWorst, collectMessage;
    if (samples > 0) {
        CollectRunner runner;
        bool done = false;
        QObject::connect(&runner, &CollectRunner::hostFinished, &runner,
                         [&](const QString &, bool ok, const QString &m) { collectMessage = (ok ? QStringLiteral("ok: ") : QStringLiteral("FAILED: ")) + m; });
        QObject::connect(&runner, &CollectRunner::allFinished, &runner, [&] { done = true; });
        const CollectRunner::CollectorSet set = [samples] {
            std::vector<std::unique_ptr<Collector>> out;
            for (const CollectorFactory &f : CollectorCatalog::all()) {
                QStringList argv{QStringLiteral("gui_bench")};
                if (f.kind == QLatin1String("procfs"))
                    argv << QStringLiteral("--procfs") << QStringLiteral("--samples") << QString::number(samples)
                         << QStringLiteral("--interval") << QStringLiteral("1");
                else if (f.kind == QLatin1String("kernel-log"))
                    argv << QStringLiteral("--kernel-log");
                else
                    continue;
                QCommandLineParser parser;
                f.addOptions(parser);
                if (parser.parse(argv))
                    if (auto c = f.fromOptions(parser))
                        out.push_back(std::move(c));
            }
            return out;
        };
        QElapsedTimer t;
        t.start();
        beat.start();
        notifyMaxMs = 0;
        runner.start(casePath, {QStringLiteral("local")}, set);
        spinUntil([&] { return done; }, 600000);
        // The panes catch up with the last commit (the session polls every second).
        const qint64 until = t.elapsed() + 1500;
        spinUntil([&] { return t.elapsed() >= until && !c->isBusy(); }, 60000);
        collectStall = beat.stop();
        collectMs = t.nsecsElapsed() / 1e6;
        collectWorst = beat.culprit();
        collectNotifyMs = notifyMaxMs;
        out << "gui_bench: live collection (" << samples << " procfs samples + kernel log of this machine): "
            << collectMessage.left(200) << "\n";
    }

    // A big import through the GUI's import runner, with the window open.
    double importStall = -1, importMs = -1;
    QString importWorst;
    if (importMb > 0) {
        const QString log = dir + QStringLiteral("/gui_bench.strace");
        writeStraceLog(log, importMb);
        ImportRunner runner;
        bool done = false;
        QString message;
        QObject::connect(&runner, &ImportRunner::finished, &runner, [&](bool, const QString &m) {
            done = true;
            message = m;
        });
        QElapsedTimer t;
        t.start();
        beat.start();
        notifyMaxMs = 0;
        runner.start(casePath, {log});
        spinUntil([&] { return done; }, 3600000);
        const qint64 until = t.elapsed() + 1500;
        spinUntil([&] { return t.elapsed() >= until && !c->isBusy(); }, 60000);
        importStall = beat.stop();
        importWorst = beat.culprit();
        importNotifyMs = notifyMaxMs;
        importMs = t.nsecsElapsed() / 1e6;
        out << "gui_bench: import of " << importMb << " MB: " << message.left(200) << "\n";
        QFile::remove(log);
    }

    // What a commit costs the GUI thread: every pane's reload() (what runs on
    // CaseSession::dataChanged), timed one by one, synchronous part only.
    QStringList reloads;
    double reloadSum = 0;
    spinUntil([&] { return w.session()->reader()->pending() == 0; }, 60000);
    QList<QPointer<QObject>> panes;
    for (QObject *o : w.findChildren<QObject *>())
        if (o->metaObject()->indexOfMethod("reload()") >= 0 && QByteArray(o->metaObject()->className()).endsWith("Pane"))
            panes << o;
    for (const QPointer<QObject> &o : std::as_const(panes)) {
        if (!o)
            continue; // deleted meanwhile
        QElapsedTimer t;
        t.start();
        QMetaObject::invokeMethod(o, "reload", Qt::DirectConnection);
        const double ms = t.nsecsElapsed() / 1e6;
        reloadSum += ms;
        reloads << QStringLiteral("%1 %2").arg(QString::fromLatin1(o->metaObject()->className())).arg(ms, 0, 'f', 1);
        spinUntil([&] { return w.session()->reader()->pending() == 0; }, 60000);
    }

    // Fitting columns to their contents measures text row by row: what it
    // costs for each big table or tree on the GUI thread.
    QStringList fits;
    for (QTableView *v : w.findChildren<QTableView *>())
        if (v->model() && v->model()->rowCount() > 1000) {
            QElapsedTimer t;
            t.start();
            v->resizeColumnsToContents();
            QObject *pane = v->parent();
            while (pane && !QByteArray(pane->metaObject()->className()).endsWith("Pane"))
                pane = pane->parent();
            fits << QStringLiteral("%1 (%2 rows) %3").arg(pane ? QString::fromLatin1(pane->metaObject()->className()) : QStringLiteral("?"))
                        .arg(v->model()->rowCount()).arg(t.nsecsElapsed() / 1e6, 0, 'f', 1);
        }

    const double ours = firstDataPaintMs;
    out << "gui_bench: case open, unfamiliar case (quick checks, off the GUI thread): " << openedMs << " ms\n";
    out << "gui_bench: background integrity check " << (checkPassed ? "passed" : "FAILED") << " after " << checkedMs
        << " ms (the case was read-only until then)\n";
    out << "gui_bench: first paint (axis, lanes):                            " << firstPaintMs << " ms\n";
    out << "gui_bench: first painted timeline with data (target < 500 ms):   " << ours << " ms\n";
    out << "gui_bench: peer sqlite3 shell, same per-bucket counts:           " << peerMs << " ms; ratio ours/peer "
        << (peerMs > 0 ? ours / peerMs : 0) << "\n";
    out << "gui_bench: zoom steps " << zoomLat.values.size() << ": data+repaint median " << zoomLat.median()
        << " ms, max " << zoomLat.max() << " ms\n";
    out << "gui_bench: scroll steps " << scrollLat.values.size() << ": data+repaint median " << scrollLat.median()
        << " ms, max " << scrollLat.max() << " ms\n";
    out << "gui_bench: paint alone: median " << paintLat.median() << " ms, max " << paintLat.max()
        << " ms (target every repaint < 50 ms; the longest: " << paintLat.worst << ")\n";
    out << "gui_bench: overview from per-minute counts ready after:      " << fineOverviewMs << " ms\n";
    out << "gui_bench: longest event-loop stall (target < 50 ms) while opening: " << openStall << " ms (the gap: "
        << openWorst << ")\n";
    out << "gui_bench: longest event-loop stall (target < 50 ms) during a live collection (" << collectMs << " ms): "
        << collectStall << " ms (the gap: " << collectWorst << ")\n";
    out << "gui_bench: longest event-loop stall (target < 50 ms) during a " << importMb << " MB import (" << importMs
        << " ms): " << importStall << " ms (the gap: " << importWorst << ")\n";
    out << "gui_bench: longest commit notification (CaseSession::dataChanged, every pane's slot) during the collection: "
        << collectNotifyMs << " ms, during the import: " << importNotifyMs << " ms\n";
    out << "gui_bench: GUI-thread part of each pane's reload() on the final case (ms): " << reloads.join(QStringLiteral(", "))
        << "; sum " << reloadSum << " ms (all run at once on every commit another connection makes)\n";
    out << "gui_bench: GUI-thread cost of resizeColumnsToContents() on tables over 1000 rows (ms): " << fits.join(QStringLiteral(", "))
        << "\n";
    out << "gui_bench: peak memory (VmHWM): " << peakRssMb() << " MB (target < 300 MB)\n";
    out.flush();
    return 0;
}
