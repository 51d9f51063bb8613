#include "CollectRunner.h"

#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "collectors/Collector.h"
#include "transport/TransportFactory.h"
#include "util/CaseError.h"

#include <QPointer>

CollectRunner::CollectRunner(QObject *parent) : QObject(parent)
{
}

CollectRunner::~CollectRunner()
{
    cancelAll();
    wait();
}

void CollectRunner::setPrompts(HostKeyAsk hostKey, SecretAsk secret)
{
    m_hostKey = std::move(hostKey);
    m_secret = std::move(secret);
}

bool CollectRunner::isRunning() const
{
    return m_running > 0;
}

void CollectRunner::wait()
{
    for (Job &j : m_jobs)
        if (j.thread) {
            j.thread->wait();
            delete j.thread;
            j.thread = nullptr;
        }
}

void CollectRunner::cancel(const QString &host)
{
    for (const Job &j : m_jobs)
        if (j.host == host)
            j.cancel.cancel();
}

void CollectRunner::cancelAll()
{
    for (const Job &j : m_jobs)
        j.cancel.cancel();
}

namespace {
QString transportMessage(const TransportError &e)
{
    switch (e.kind()) {
    case TransportError::Kind::HostKeyChanged:
        return CollectRunner::tr("Refused: the host key of this host has CHANGED since it was trusted. This can mean "
                                 "someone is intercepting the connection, or the host was reinstalled. Casebook does "
                                 "not override this; check the new key with the host's owner and update known_hosts. (%1)")
            .arg(e.message());
    case TransportError::Kind::HostKeyUnknown:
        return CollectRunner::tr("Refused: the host key was not trusted. (%1)").arg(e.message());
    case TransportError::Kind::Auth:
        return CollectRunner::tr("Authentication failed: %1").arg(e.message());
    case TransportError::Kind::Cancelled:
        return CollectRunner::tr("Cancelled.");
    default:
        return e.message();
    }
}
}

void CollectRunner::start(const QString &casePath, const QStringList &hosts, const CollectorSet &collectors)
{
    wait();
    m_jobs.clear();
    QPointer<CollectRunner> self(this);
    for (const QString &host : hosts) {
        Job job;
        job.host = host;
        auto set = std::make_shared<std::vector<std::unique_ptr<Collector>>>(collectors());
        const CancelToken cancel = job.cancel;
        SshOptions options;
        options.become = m_become;
        // Questions from the worker are answered on the GUI thread; the worker waits.
        if (m_hostKey)
            options.hostKeyPrompt = [self, ask = m_hostKey](const HostKeyQuestion &q) {
                bool answer = false;
                if (self)
                    QMetaObject::invokeMethod(self.data(), [&] { answer = ask(q); }, Qt::BlockingQueuedConnection);
                return answer;
            };
        if (m_secret)
            options.secretPrompt = [self, ask = m_secret](const SecretQuestion &q) {
                std::optional<QByteArray> answer;
                if (self)
                    QMetaObject::invokeMethod(self.data(), [&] { answer = ask(q); }, Qt::BlockingQueuedConnection);
                return answer;
            };
        options.allowPassword = bool(m_secret);
        job.thread = QThread::create([this, host, casePath, set, cancel, options] {
            auto progress = [this, host](const QString &message, int percent) { emit hostProgress(host, message, percent); };
            bool ok = true;
            QStringList messages;
            try {
                progress(tr("Connecting…"), -1);
                auto transport = TransportFactory::create(host, options);
                transport->connect(cancel);
                auto cf = CaseFile::open(casePath, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
                HostStore hosts(cf->db());
                const qint64 hostId = hosts.ensure(host);
                const HostKeyInfo key = transport->hostKey();
                if (!key.isEmpty()) {
                    HostRecord r = *hosts.byId(hostId);
                    r.hostkeyType = key.type;
                    r.hostkeySha256 = key.sha256;
                    hosts.update(r);
                }
                for (auto &collector : *set) {
                    if (cancel.isCancelled())
                        break;
                    CollectionContext ctx;
                    ctx.caseFile = cf.get();
                    ctx.hostId = hostId;
                    ctx.hostSpec = host;
                    const QString kind = collector->kind();
                    ctx.progress = [progress, kind](const QString &m, int p) { progress(kind + QStringLiteral(": ") + m, p); };
                    const CollectorResult r = collector->collect(*transport, ctx, cancel);
                    if (!r.ok) {
                        ok = false;
                        messages << tr("%1 failed: %2").arg(kind, r.error);
                    } else {
                        messages << tr("%1 done").arg(kind);
                    }
                }
                if (cancel.isCancelled()) {
                    ok = false;
                    messages << tr("cancelled; what arrived is kept");
                }
            } catch (const TransportError &e) {
                ok = false;
                messages << transportMessage(e);
            } catch (const CaseError &e) {
                ok = false;
                messages << e.message();
            } catch (const std::exception &e) {
                ok = false;
                messages << QString::fromUtf8(e.what());
            }
            emit hostFinished(host, ok, messages.join(QStringLiteral("; ")));
        });
        job.thread->setObjectName(QStringLiteral("collect-") + host.left(8));
        connect(job.thread, &QThread::finished, this, [this] {
            if (--m_running == 0)
                emit allFinished();
        });
        m_jobs.append(job);
    }
    m_running = int(m_jobs.size());
    for (Job &j : m_jobs)
        j.thread->start();
    if (m_jobs.isEmpty())
        emit allFinished();
}
