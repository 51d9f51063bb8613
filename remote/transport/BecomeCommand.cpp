#include "BecomeCommand.h"

namespace BecomeCommand {

namespace {
QString tool(BecomeOptions::Method method)
{
    return method == BecomeOptions::Method::Doas ? QStringLiteral("doas") : QStringLiteral("sudo");
}
}

QString shellQuote(const QString &text)
{
    QString q = text;
    q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString probe(BecomeOptions::Method method)
{
    return QStringLiteral("%1 -n -- id -un").arg(tool(method));
}

QString validateWithPassword()
{
    return QStringLiteral("sudo -S -p '' -- id -un");
}

QString wrapNoPassword(BecomeOptions::Method method, const QString &command)
{
    return QStringLiteral("%1 -n -- /bin/sh -c %2").arg(tool(method), shellQuote(command));
}

QString wrapWithPassword(const QString &command, const QString &token)
{
    // read(1) of sh takes one byte at a time from a pipe, so the command's
    // own stdin starts right after the framing line.
    const QString skip = QStringLiteral(
        "f=; while IFS= read -r l; do if [ \"$l\" = \"$2\" ]; then f=1; break; fi; done; "
        "[ -n \"$f\" ] || { echo 'casebook: become: the input framing line never came' >&2; exit %1; }; "
        "exec /bin/sh -c \"$1\"").arg(kFramingLostExit);
    return QStringLiteral("sudo -S -p '' -- /bin/sh -c %1 casebook-become %2 %3")
        .arg(shellQuote(skip), shellQuote(command), shellQuote(token));
}

QByteArray inputWithPassword(const QByteArray &password, const QString &token, const QByteArray &stdinData)
{
    QByteArray in;
    in.reserve(password.size() + token.size() + stdinData.size() + 2);
    in.append(password).append('\n').append(token.toLatin1()).append('\n').append(stdinData);
    return in;
}

QString pullCommand(const QString &path, qint64 maxBytes, const QString &confineTo, bool followSymlinks)
{
    const QString script = QStringLiteral(
        "p=$1; max=$2; confine=$3; follow=$4\n"
        "no() { echo \"casebook: pull: $1\" >&2; exit 3; }\n"
        "if [ \"$follow\" = 0 ] && [ -L \"$p\" ]; then no 'a symlink, refused'; fi\n"
        "r=$(readlink -e -- \"$p\") || no 'no such file or directory'\n"
        "[ -f \"$r\" ] || no 'not a regular file'\n"
        "if [ -n \"$confine\" ]; then case $r in \"$confine\"/*) ;; *) no \"symlink escape: resolves to $r, outside $confine\" ;; esac; fi\n"
        "[ -r \"$r\" ] || no 'permission denied'\n"
        "printf '%s\\0' \"$r\"\n"
        "if [ \"$max\" -gt 0 ]; then exec head -c \"$((max + 1))\" -- \"$r\"; else exec cat -- \"$r\"; fi\n");
    return QStringLiteral("/bin/sh -c %1 casebook-pull %2 %3 %4 %5")
        .arg(shellQuote(script), shellQuote(path), QString::number(qMax<qint64>(0, maxBytes)), shellQuote(confineTo),
             followSymlinks ? QStringLiteral("1") : QStringLiteral("0"));
}

}
