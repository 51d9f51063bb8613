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

// A finished child process: exit code (-1 if it did not start, crashed or
// timed out), its output, its error output (plus why it did not finish).
struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
using CasectlResult = ProcessResult;

// Runs program as a real child process, its standard input closed; kills it
// after timeoutMs.
ProcessResult runProgram(const QString &program, const QStringList &args, int timeoutMs = 120000,
                         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// Runs casectl the same way.
CasectlResult runCasectl(const QStringList &args, int timeoutMs = 120000,
                         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
