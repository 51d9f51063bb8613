#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Where the build put things, as ctest tells the tests (see tests/CMakeLists.txt).
namespace TestEnv {
QString binDir();        // build/<preset>/bin
QString sourceDir();     // the checkout
QString dataDir();       // tests/data
QString casectlPath();
// Isolates QSettings-based state (known cases, recent files) in a temp dir.
void isolateUserConfig(const QString &dir);
}

// Runs casectl as a real child process.
struct CasectlResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CasectlResult runCasectl(const QStringList &args, int timeoutMs = 120000,
                         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
