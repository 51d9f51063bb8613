#include "FleetRunner.h"

#include "transport/TransportFactory.h"
#include "util/CaseError.h"

#include <QElapsedTimer>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace {
constexpr qint64 kProgressIntervalMs = 200;
}

FleetRunner::FleetRunner(SshOptions options, int jobs)
    : m_options(std::move(options)), m_jobs(qMax(1, jobs))
{
}

QList<FleetHostResult> FleetRunner::run(const QStringList &hosts, const Job &job, const Callbacks &callbacks,
                                        const CancelToken &cancel, const QList<CancelToken> &hostCancels)
{
    QList<FleetHostResult> results(hosts.size());
    std::atomic_int next{0};
    ConnectGate gate(kMaxConnecting);
    auto worker = [&] {
        for (;;) {
            const int i = next.fetch_add(1);
            if (i >= hosts.size())
                return;
            results[i] = runHost(i, hosts.at(i), job, callbacks, cancel, i < hostCancels.size() ? hostCancels.at(i) : cancel, gate);
        }
    };
    const int threads = qMin(m_jobs, int(hosts.size()));
    std::vector<std::thread> pool;
    pool.reserve(size_t(threads));
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker);
    for (auto &t : pool)
        t.join();
    return results;
}

FleetHostResult FleetRunner::runHost(int index, const QString &host, const Job &job, const Callbacks &callbacks,
                                     const CancelToken &fleetCancel, const CancelToken &cancel, ConnectGate &gate) const
{
    FleetHostResult result;
    result.index = index;
    result.host = host;
    QElapsedTimer clock;
    clock.start();
    if (callbacks.hostStarted)
        callbacks.hostStarted(index, host);
    if (cancel.isCancelled() || fleetCancel.isCancelled()) {
        result.status = FleetHostResult::Status::Cancelled;
        result.error = QStringLiteral("cancelled before it started");
    } else {
        try {
            std::unique_ptr<Transport> transport = TransportFactory::create(host, m_options);
            {
                ConnectGate::Slot slot(gate, cancel);
                if (!slot.held())
                    throw TransportError(TransportError::Kind::Cancelled, QStringLiteral("%1: cancelled before it connected").arg(host));
                transport->connect(cancel);
            }
            result.hostKey = transport->hostKey();
            result.status = FleetHostResult::Status::Ok;
            qint64 lastProgress = -kProgressIntervalMs;
            const Progress progress = [&](const QString &message, int percent) {
                if (!callbacks.hostProgress)
                    return;
                const qint64 now = clock.elapsed();
                if (now - lastProgress < kProgressIntervalMs && percent != 100)
                    return;
                lastProgress = now;
                callbacks.hostProgress(index, host, message, percent);
            };
            job(*transport, result, progress, cancel);
        } catch (const TransportError &e) {
            switch (e.kind()) {
            case TransportError::Kind::HostKeyUnknown:
                result.status = FleetHostResult::Status::Refused;
                result.errorKind = QStringLiteral("host-key-unknown");
                break;
            case TransportError::Kind::HostKeyChanged:
                result.status = FleetHostResult::Status::Refused;
                result.errorKind = QStringLiteral("host-key-changed");
                break;
            case TransportError::Kind::Auth:
                result.status = FleetHostResult::Status::Refused;
                result.errorKind = QStringLiteral("auth");
                break;
            case TransportError::Kind::Timeout:
                result.status = FleetHostResult::Status::TimedOut;
                result.errorKind = QStringLiteral("timeout");
                break;
            case TransportError::Kind::Cancelled:
                result.status = FleetHostResult::Status::Cancelled;
                result.errorKind = QStringLiteral("cancelled");
                break;
            case TransportError::Kind::Connect:
                result.status = FleetHostResult::Status::Failed;
                result.errorKind = QStringLiteral("connect");
                break;
            case TransportError::Kind::Protocol:
                result.status = FleetHostResult::Status::Failed;
                result.errorKind = QStringLiteral("protocol");
                break;
            }
            result.error = e.message();
        } catch (const CaseError &e) {
            result.status = FleetHostResult::Status::Failed;
            result.error = QStringLiteral("%1: %2").arg(host, e.message());
        } catch (const std::exception &e) {
            result.status = FleetHostResult::Status::Failed;
            result.error = QStringLiteral("%1: %2").arg(host, QString::fromUtf8(e.what()));
        }
    }
    if (cancel.isCancelled() && result.status == FleetHostResult::Status::Ok && !result.error.isEmpty())
        result.status = FleetHostResult::Status::Cancelled;
    result.durationMs = clock.elapsed();
    if (callbacks.hostFinished)
        callbacks.hostFinished(result);
    return result;
}
