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

ProcessResult runProgram(const QString &program, const QStringList &args, int timeoutMs, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000)) {
        r.err = "could not start " + program.toUtf8() + ": " + p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(timeoutMs);
    if (!finished) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (!finished)
        r.err += "\n" + program.toUtf8() + " timed out";
    return r;
}

CasectlResult runCasectl(const QStringList &args, int timeoutMs, const QProcessEnvironment &env)
{
    return runProgram(TestEnv::casectlPath(), args, timeoutMs, env);
}
