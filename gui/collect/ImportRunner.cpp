#include "ImportRunner.h"

#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "importers/ImporterCatalog.h"
#include "util/CaseError.h"

#include <QFileInfo>

ImportRunner::ImportRunner(QObject *parent) : QObject(parent)
{
}

ImportRunner::~ImportRunner()
{
    cancel();
    wait();
}

void ImportRunner::wait()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

void ImportRunner::cancel()
{
    m_cancel.cancel();
}

bool ImportRunner::start(const QString &casePath, const QStringList &paths, const QString &hostName)
{
    ImportOptions options;
    options.hostName = hostName;
    return start(casePath, paths, options);
}

bool ImportRunner::start(const QString &casePath, const QStringList &paths, const ImportOptions &options)
{
    const QString hostName = options.hostName;
    if (isRunning())
        return false;
    wait();
    m_cancel = CancelToken();
    const CancelToken cancel = m_cancel;
    m_thread = QThread::create([this, casePath, paths, hostName, options, cancel] {
        QStringList done;
        QString error;
        try {
            auto cf = CaseFile::open(casePath, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
            const qint64 hostId = hostName.isEmpty() ? 0 : HostStore(cf->db()).ensure(hostName);
            for (const QString &path : paths) {
                if (cancel.isCancelled())
                    break;
                auto importer = ImporterCatalog::detect(path);
                if (!importer)
                    throw CaseError(tr("%1 is not a kind of file Casebook can import (strace log, pcap/pcapng capture...).")
                                        .arg(QFileInfo(path).fileName()));
                ImportRequest req;
                req.caseFile = cf.get();
                req.hostId = hostId;
                req.paths = {path};
                req.timeZone = options.timeZone;
                req.startDate = options.startDate;
                const QString name = QFileInfo(path).fileName();
                req.progress = [this, name](const QString &message, int percent) {
                    emit progress(tr("%1: %2").arg(name, message), percent);
                };
                const ImportResult r = importer->import(req, cancel);
                if (!r.ok)
                    throw CaseError(tr("%1: %2").arg(name, r.error));
                done << tr("%1 (%2)%3").arg(name, importer->kind(),
                                            r.warnings.isEmpty() ? QString() : tr(", %n warning(s)", nullptr, int(r.warnings.size())));
            }
        } catch (const CaseError &e) {
            error = e.message();
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        if (cancel.isCancelled() && error.isEmpty())
            error = tr("Import cancelled; what was read so far is kept and marked.");
        emit finished(error.isEmpty(), error.isEmpty() ? tr("Imported %1").arg(done.join(QStringLiteral(", "))) : error);
    });
    m_thread->setObjectName(QStringLiteral("casebook-import"));
    m_thread->start();
    return true;
}
