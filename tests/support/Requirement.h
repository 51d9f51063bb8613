#pragma once

#include <QByteArray>
#include <QString>
#include <QTest>

// What a test needs from the machine (a tool, root, a running sshd...).
//
// Outside the project's environment a missing requirement skips the test, so
// a developer's bare `ctest` on any machine still runs what it can. Inside it
// (tools/dev test, .ci/run: tools/dev sets CASEBOOK_IN_ENV to native or
// buildroot) the environment is meant to provide everything, so a missing
// requirement FAILS: nothing passes quietly by not running.
//
// The one exception is CASEBOOK_SKIP_LIMITATION: something no environment
// can provide on this machine (a CPU or kernel feature). It skips everywhere
// and names the limitation.
namespace TestEnv {
// "native" or "buildroot" under tools/dev, empty outside the environment.
QString projectEnvironment();
bool insideProjectEnvironment();
// The tool's path (PATH, then /usr/sbin and /sbin), empty when it is not installed.
QString tool(const char *name);
bool isRoot();
// The message for an unmet requirement, worded for where the test runs.
QByteArray unmetRequirement(const QString &what);
QByteArray limitation(const QString &what);
}

// Skips (outside the environment) or fails (inside it) unless cond holds.
// what names the requirement: "strace(1) on PATH", "a loopback sshd: <error>".
#define CASEBOOK_REQUIRE(cond, what)                                            \
    do {                                                                        \
        if (!(cond)) {                                                          \
            const QByteArray casebookUnmet_ = TestEnv::unmetRequirement(what);  \
            if (TestEnv::insideProjectEnvironment())                            \
                QFAIL(casebookUnmet_.constData());                              \
            QSKIP(casebookUnmet_.constData());                                  \
        }                                                                       \
    } while (false)

#define CASEBOOK_REQUIRE_TOOL(name) \
    CASEBOOK_REQUIRE(!TestEnv::tool(name).isEmpty(), QStringLiteral("the %1 program").arg(QLatin1String(name)))

// why: what root is needed for ("to mount FUSE and read kernel stacks").
#define CASEBOOK_REQUIRE_ROOT(why) \
    CASEBOOK_REQUIRE(TestEnv::isRoot(), QStringLiteral("root, ") + QLatin1String(why))

// A real limitation of this machine that no environment can lift.
#define CASEBOOK_SKIP_LIMITATION(what) QSKIP(TestEnv::limitation(what).constData())
