#include "MergeCaseAction.h"

#include "casefile/CaseFile.h"
#include "util/CaseError.h"

#include <QCoreApplication>
#include <QEventLoop>
#include "util/SafeFileDialog.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent>

QString MergeCaseAction::runMerge(const QString &casePath, const QString &otherPath, CaseMerger::Result *result)
{
    try {
        auto cf = CaseFile::open(casePath);
        const CaseMerger::Result r = CaseMerger(*cf).merge(otherPath);
        if (result)
            *result = r;
        return {};
    } catch (const CaseError &e) {
        return e.message();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
}

QString MergeCaseAction::summary(const CaseMerger::Result &r)
{
    QStringList added, present;
    for (auto it = r.tables.constBegin(); it != r.tables.constEnd(); ++it) {
        if (it->inserted)
            added.append(QStringLiteral("%1 %2").arg(it.key()).arg(it->inserted));
        if (it->existing)
            present.append(QStringLiteral("%1 %2").arg(it.key()).arg(it->existing));
    }
    QString text = QCoreApplication::translate("MergeCaseAction", "%1 rows added").arg(r.inserted());
    if (!added.isEmpty())
        text += QStringLiteral(" (") + added.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (!present.isEmpty())
        text += QStringLiteral("; ") + QCoreApplication::translate("MergeCaseAction", "already present: %1").arg(present.join(QStringLiteral(", ")));
    return text + QLatin1Char('.');
}

bool MergeCaseAction::mergeInteractively(QWidget *parent, const QString &casePath)
{
    if (casePath.isEmpty())
        return false;
    const QString other = SafeFileDialog::getOpenFileName(parent, QCoreApplication::translate("MergeCaseAction", "Merge a Case into This One"), QString(), QCoreApplication::translate("MergeCaseAction", "Case files (*.casebook)"));
    if (other.isEmpty())
        return false;
    QProgressDialog progress(QCoreApplication::translate("MergeCaseAction", "Merging %1…").arg(other), QString(), 0, 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    CaseMerger::Result result;
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([casePath, other, &result] { return runMerge(casePath, other, &result); }));
    loop.exec();
    progress.close();
    const QString error = watcher.result();
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, QCoreApplication::translate("MergeCaseAction", "Merge Case"), QCoreApplication::translate("MergeCaseAction", "Could not merge %1:\n%2").arg(other, error));
        return false;
    }
    QMessageBox::information(parent, QCoreApplication::translate("MergeCaseAction", "Merge Case"), summary(result));
    return true;
}
