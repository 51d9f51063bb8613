#include "TestEnv.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QSettings>

namespace TestEnv {

QString binDir()
{
    const QString d = qEnvironmentVariable("CASEBOOK_BIN_DIR");
    return d.isEmpty() ? QCoreApplication::applicationDirPath() : d;
}

QString sourceDir()
{
    return qEnvironmentVariable("CASEBOOK_SOURCE_DIR");
}

QString dataDir()
{
    const QString d = qEnvironmentVariable("CASEBOOK_TEST_DATA");
    return d.isEmpty() ? sourceDir() + QStringLiteral("/tests/data") : d;
}

QString casectlPath()
{
    return binDir() + QStringLiteral("/casectl");
}

void isolateUserConfig(const QString &dir)
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
}

}

CasectlResult runCasectl(const QStringList &args, int timeoutMs, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(TestEnv::casectlPath(), args);
    CasectlResult r;
    if (!p.waitForStarted(10000)) {
        r.err = "could not start casectl: " + p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "casectl timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}
