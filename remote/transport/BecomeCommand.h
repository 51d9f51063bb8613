#pragma once

#include "BecomeOptions.h"

#include <QByteArray>
#include <QString>

// The command lines that run a host command as root with sudo or doas. Pure
// text; PrivilegedTransport runs them. The password never appears here: it is
// the first line of the command's stdin, read by `sudo -S -p ''` itself.
namespace BecomeCommand {

// 'text' quoted for POSIX sh.
QString shellQuote(const QString &text);

// Asks the tool whether it runs a command without a password:
// "sudo -n -- id -un" (prints "root" when it may).
QString probe(BecomeOptions::Method method);

// Runs "id -un" as root with the password read from stdin (sudo -S).
QString validateWithPassword();

// The command that runs `command` (a sh -c string) as root without asking:
// "sudo -n -- /bin/sh -c 'COMMAND'" (doas: "doas -n -- ...").
QString wrapNoPassword(BecomeOptions::Method method, const QString &command);

// The command that runs `command` as root with sudo -S. Its stdin must be
// inputWithPassword(): the password line (consumed by sudo, or skipped by the
// wrapper when sudo did not need it, e.g. a cached timestamp), a framing line
// with `token`, then the command's own stdin. So a password line can never
// reach the command, and the command sees exactly its own input.
QString wrapWithPassword(const QString &command, const QString &token);
QByteArray inputWithPassword(const QByteArray &password, const QString &token, const QByteArray &stdinData);

// A sh script (run as root) that streams a regular file: arguments PATH
// MAX_BYTES CONFINE_DIR FOLLOW(1/0). Prints the resolved path and a NUL, then
// at most MAX_BYTES+1 bytes of the file (one more shows truncation). Refusals
// exit non-zero with "casebook: pull: REASON" on stderr.
QString pullCommand(const QString &path, qint64 maxBytes, const QString &confineTo, bool followSymlinks);

// Exit status of the wrapper when the framing line never came (stdin lost).
constexpr int kFramingLostExit = 125;
}
