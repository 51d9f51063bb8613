#include "PaneLoader.h"

#include "app/CaseSession.h"

namespace {
struct Loaded
{
    QString stamp;
    bool unchanged = false;
    std::shared_ptr<void> data;
};
}

PaneLoader::PaneLoader(CaseSession *session, const QString &channel, Stamp stamp, Load load, QObject *context, Apply apply)
    : QObject(context), m_session(session), m_channel(channel), m_stamp(std::move(stamp)), m_load(std::move(load)),
      m_context(context), m_apply(std::move(apply))
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(250);
    connect(&m_throttle, &QTimer::timeout, this, [this] { start(false); });
    connect(session, &CaseSession::opened, this, [this] {
        reset();
        start(true);
    });
    connect(session, &CaseSession::dataChanged, this, &PaneLoader::request);
    connect(session, &CaseSession::closed, this, &PaneLoader::reset);
}

void PaneLoader::reset()
{
    m_throttle.stop();
    m_session->reader()->cancel(m_channel);
    m_lastStamp.clear();
    m_loading = false;
    m_again = false;
}

void PaneLoader::request()
{
    if (!m_session->isOpen())
        return;
    if (m_loading) {
        m_again = true; // once this load is in, look again
        return;
    }
    if (!m_throttle.isActive())
        m_throttle.start();
}

void PaneLoader::reloadNow()
{
    if (m_session->isOpen())
        start(true);
}

void PaneLoader::start(bool force)
{
    m_throttle.stop();
    m_loading = true;
    m_again = false;
    const QString last = force ? QString() : m_lastStamp;
    Stamp stamp = m_stamp;
    Load load = m_load;
    m_session->reader()->run<Loaded>(
        m_channel,
        [stamp, load, last](CaseFile &cf, const CancelToken &cancel) {
            Loaded r;
            if (stamp) {
                r.stamp = stamp(cf);
                if (!last.isNull() && r.stamp == last) {
                    r.unchanged = true;
                    return r;
                }
            }
            r.data = load(cf, cancel);
            return r;
        },
        this,
        [this](const Loaded &r) {
            m_loading = false;
            if (!r.unchanged) {
                m_lastStamp = r.stamp;
                m_apply(r.data);
            }
            emit loaded();
            if (m_again)
                request();
        },
        [this](const QString &e) {
            m_loading = false;
            m_lastStamp.clear();
            emit failed(e);
            emit loaded();
            if (m_again)
                request();
        });
}
