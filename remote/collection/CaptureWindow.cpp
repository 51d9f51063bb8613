#include "CaptureWindow.h"

#include "HostEventEmitter.h"
#include "casefile/CaseFile.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <latch>
#include <thread>

namespace CaptureWindow {

std::vector<CollectorOutcome> run(const std::vector<Collector *> &collectors, Transport &transport, CaseFile &hostCase,
                                  qint64 hostId, const QString &hostSpec, HostEventEmitter &events, const CancelToken &cancel)
{
    std::vector<CollectorOutcome> outcomes(collectors.size());
    if (collectors.empty())
        return outcomes;
    // Every helper thread opens its case connection first; then all start at once.
    std::latch ready(std::ptrdiff_t(collectors.size()));
    std::vector<std::thread> threads;
    threads.reserve(collectors.size() - 1);
    for (size_t i = 1; i < collectors.size(); ++i) {
        threads.emplace_back([&, i] {
            std::unique_ptr<CaseFile> caseFile;
            QString openError;
            try {
                caseFile = CaseFile::open(hostCase.path(), CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
                caseFile->db().exec(QStringLiteral("PRAGMA cache_size = -1024")); // 1 MiB: writes append, little is re-read
            } catch (const CaseError &e) {
                openError = e.message();
            } catch (const std::exception &e) {
                openError = QString::fromUtf8(e.what());
            }
            ready.arrive_and_wait();
            if (!caseFile) {
                CollectorOutcome &o = outcomes[i];
                o.kind = collectors[i]->kind();
                o.startedUs = o.finishedUs = TimeUtil::nowUs();
                o.result.ok = false;
                o.result.error = QStringLiteral("cannot open the case: %1").arg(openError);
                events.emitEvent(CollectionEvent::Kind::CollectorFailed, o.kind, o.result.error);
                return;
            }
            outcomes[i] = CollectorRun::run(*collectors[i], transport, *caseFile, hostId, hostSpec, events, cancel);
        });
    }
    ready.arrive_and_wait();
    outcomes[0] = CollectorRun::run(*collectors[0], transport, hostCase, hostId, hostSpec, events, cancel);
    for (auto &t : threads)
        t.join();
    return outcomes;
}

}
