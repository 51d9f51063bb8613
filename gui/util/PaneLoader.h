#pragma once

#include "BackgroundReader.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>

class CaseSession;

// The one way a pane loads what it shows: on the session's reader thread,
// never on the GUI thread. It loads when the case opens, and again when the
// case changes (CaseSession::dataChanged), at most once per throttle interval;
// a cheap change stamp of the pane's area (run on the reader first) skips a
// load when nothing the pane shows changed. A result overtaken by a newer
// load, or arriving after the case closed, is dropped.
class PaneLoader : public QObject
{
    Q_OBJECT
public:
    using Stamp = std::function<QString(CaseFile &)>;

    template<class R>
    PaneLoader(CaseSession *session, const QString &channel, Stamp stamp,
               std::function<R(CaseFile &, const CancelToken &)> load, QObject *context,
               std::function<void(const R &)> apply)
        : PaneLoader(session, channel, std::move(stamp),
                     [load](CaseFile &cf, const CancelToken &c) -> std::shared_ptr<void> { return std::make_shared<R>(load(cf, c)); },
                     context, [apply](const std::shared_ptr<void> &p) { apply(*static_cast<R *>(p.get())); })
    {
    }

    // Loads soon (throttled); skipped if the stamp is unchanged.
    void request();
    // Loads now, whatever the stamp says.
    void reloadNow();
    // A load is running, or due (a change was announced and the throttle runs).
    bool isLoading() const { return m_loading || m_throttle.isActive(); }
    // Minimum time between two loads caused by changes (default 250 ms).
    void setThrottle(int ms) { m_throttle.setInterval(ms); }

signals:
    // After each load finished (applied, skipped as unchanged, or failed).
    void loaded();
    void failed(const QString &error);

private:
    using Load = std::function<std::shared_ptr<void>(CaseFile &, const CancelToken &)>;
    using Apply = std::function<void(const std::shared_ptr<void> &)>;
    PaneLoader(CaseSession *session, const QString &channel, Stamp stamp, Load load, QObject *context, Apply apply);
    void start(bool force);
    void reset();

    CaseSession *m_session;
    QString m_channel;
    Stamp m_stamp;
    Load m_load;
    QObject *m_context;
    Apply m_apply;
    QTimer m_throttle;
    QString m_lastStamp;
    bool m_loading = false;
    bool m_again = false;
};
