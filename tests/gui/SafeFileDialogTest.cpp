// The workbench's file dialogs never walk into a hung mount: a folder holding
// a FUSE mount whose daemon never answers (HangFs) is listed, the mount shown
// by name and marked, and no thread of this process enters D. Opening the
// mount explicitly reads it off the GUI thread: the dialog stays responsive.
#include "HangFs.h"
#include "Requirement.h"
#include "TestEnv.h"
#include "util/SafeDirListing.h"
#include "util/SafeFileDialog.h"
#include "util/UnsafeMounts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
// Threads of this process in state D (from /proc/self/task/*/stat).
QStringList threadsInD()
{
    QStringList out;
    const QStringList tids = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids) {
        QFile f(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const qsizetype close = stat.lastIndexOf(')');
        if (close > 0 && close + 2 < stat.size() && stat.at(close + 2) == 'D')
            out << tid;
    }
    return out;
}

int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}
}

class SafeFileDialogTest : public QObject
{
    Q_OBJECT
    std::unique_ptr<HangFs> m_fs;
    QTemporaryDir m_config;

private slots:
    void initTestCase()
    {
        TestEnv::isolateUserConfig(m_config.path());
        CASEBOOK_REQUIRE_ROOT("(CAP_SYS_ADMIN) to mount FUSE");
        m_fs = std::make_unique<HangFs>();
        QString error;
        CASEBOOK_REQUIRE(m_fs->mount(&error), QStringLiteral("a FUSE mount: ") + error);
        QFile marker(QFileInfo(m_fs->mountPoint()).absolutePath() + QStringLiteral("/beside-the-mount.strace"));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("1 read(0, \"\", 1) = 0\n");
    }

    void cleanupTestCase() { m_fs.reset(); }

    void mountinfoNamesTheFuseMount()
    {
        QVERIFY(UnsafeMounts::isUnsafeType(QStringLiteral("fuse")));
        QVERIFY(UnsafeMounts::isUnsafeType(QStringLiteral("fuse.sshfs")));
        QVERIFY(UnsafeMounts::isUnsafeType(QStringLiteral("nfs4")));
        QVERIFY(UnsafeMounts::isUnsafeType(QStringLiteral("cifs")));
        QVERIFY(!UnsafeMounts::isUnsafeType(QStringLiteral("ext4")));
        QVERIFY(!UnsafeMounts::isUnsafeType(QStringLiteral("tmpfs")));
        QVERIFY(UnsafeMounts::mountPoints().contains(m_fs->mountPoint()));
    }

    void parentOfHungMountIsListedWithoutTouchingIt()
    {
        const QString parent = QFileInfo(m_fs->mountPoint()).absolutePath();
        const QString mountName = QFileInfo(m_fs->mountPoint()).fileName();
        SafeFileDialog dialog(nullptr, QStringLiteral("Open"), parent, QStringLiteral("Logs (*.strace);;All files (*)"),
                              SafeFileDialog::Mode::OpenFile);
        QSignalSpy listed(&dialog, &SafeFileDialog::listed);
        dialog.show();
        QVERIFY(listed.wait(20000));
        QCOMPARE(listed.first().at(0).toString(), parent);
        QCOMPARE(listed.first().at(1).toString(), QString());
        QVERIFY(dialog.names().contains(QStringLiteral("beside-the-mount.strace")));
        QCOMPARE(dialog.unprobedNames(), QStringList{mountName});
        // Nothing of ours waits on the mount, and the GUI thread runs: a
        // timer fires, repeatedly, while the dialog is up.
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 5, 10000);
        QCOMPARE(threadsInD(), QStringList());
        // Choosing the file beside the mount works as in any file dialog.
        dialog.fileNameEdit()->setText(QStringLiteral("beside-the-mount.strace"));
        dialog.accept();
        QCOMPARE(dialog.selectedFiles(), QStringList{parent + QStringLiteral("/beside-the-mount.strace")});
    }

    void openingTheMountExplicitlyKeepsTheGuiResponsive()
    {
        const QString parent = QFileInfo(m_fs->mountPoint()).absolutePath();
        const int threadsBefore = threadCount();
        SafeFileDialog dialog(nullptr, QStringLiteral("Open"), parent, QString(), SafeFileDialog::Mode::OpenFile);
        QSignalSpy listed(&dialog, &SafeFileDialog::listed);
        QVERIFY(listed.wait(20000));
        dialog.openEntry(QFileInfo(m_fs->mountPoint()).fileName());
        QVERIFY(dialog.isReading());
        // The reading thread waits on the mount; the GUI thread does not.
        QTRY_VERIFY_WITH_TIMEOUT(!threadsInD().isEmpty(), 20000);
        QVERIFY(!threadsInD().contains(QString::number(QCoreApplication::applicationPid())));
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 5, 10000);
        QVERIFY(dialog.isReading());
        // Another folder can be chosen meanwhile.
        dialog.setDirectory(parent);
        QVERIFY(listed.wait(20000));
        QCOMPARE(listed.last().at(0).toString(), parent);
        QVERIFY(!dialog.isReading());
        // Releasing the mount frees the stuck reader; its late answer is dropped.
        m_fs->release();
        QTRY_COMPARE_WITH_TIMEOUT(threadsInD(), QStringList(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= threadsBefore + 1, 20000);
        QCOMPARE(dialog.directory(), parent);
    }
};

QTEST_MAIN(SafeFileDialogTest)
#include "SafeFileDialogTest.moc"
