#include "PrivilegedTransport.h"

#include "BecomeCommand.h"

#include <QCryptographicHash>
#include <QUuid>

#include <string.h> // explicit_bzero

namespace {

constexpr int kProbeTimeoutMs = 30000;

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        explicit_bzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

// sudo's own messages worth quoting: not the resolver warning sudo prints on
// hosts whose name does not resolve.
QString firstMessage(const QByteArray &stderrData)
{
    for (const QByteArray &raw : stderrData.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.contains(QLatin1String("unable to resolve host")))
            continue;
        return line.left(300);
    }
    return {};
}

bool wrongPassword(const RunResult &r)
{
    return r.exitCode != 0
        && (r.stderrData.contains("incorrect password") || r.stderrData.contains("Sorry, try again"));
}

}

PrivilegedTransport::PrivilegedTransport(std::unique_ptr<Transport> inner, const BecomeOptions &become, SecretPrompt passwordPrompt)
    : m_inner(std::move(inner)), m_become(become), m_prompt(std::move(passwordPrompt))
{
}

PrivilegedTransport::~PrivilegedTransport()
{
    wipePassword();
}

void PrivilegedTransport::wipePassword()
{
    wipe(m_password);
}

QString PrivilegedTransport::toolName() const
{
    return BecomeOptions::methodName(m_become.method);
}

QString PrivilegedTransport::who() const
{
    return QStringLiteral("%1 on %2").arg(toolName(), m_inner->hostSpec());
}

void PrivilegedTransport::refuse(TransportError::Kind kind, const QString &why) const
{
    throw TransportError(kind, QStringLiteral("%1: %2").arg(who(), why));
}

void PrivilegedTransport::connect(const CancelToken &cancel)
{
    wipePassword();
    m_needsPassword = false;
    m_record = {};
    m_inner->connect(cancel);
    establish(cancel);
}

void PrivilegedTransport::explainProbeFailure(const RunResult &probe) const
{
    const QString user = m_inner->endpoint().user;
    const QByteArray &err = probe.stderrData;
    if (!probe.error.isEmpty())
        refuse(TransportError::Kind::Connect, probe.error);
    if (probe.cancelled)
        refuse(TransportError::Kind::Cancelled, QStringLiteral("cancelled"));
    if (probe.timedOut)
        refuse(TransportError::Kind::Timeout, QStringLiteral("timed out after %1 s waiting for %2 to answer")
                                                  .arg(kProbeTimeoutMs / 1000).arg(toolName()));
    if (probe.exitCode == 127 || err.contains("not found"))
        refuse(TransportError::Kind::Auth, QStringLiteral("%1 is not installed there").arg(toolName()));
    if (err.contains("no new privileges"))
        refuse(TransportError::Kind::Auth, QStringLiteral("cannot become root: the \"no new privileges\" flag is set for %1's "
                                                          "session (a container or sandbox)").arg(user));
    if (err.contains("must have a tty"))
        refuse(TransportError::Kind::Auth, QStringLiteral("sudoers requires a terminal (Defaults requiretty); "
                                                          "exempt %1 from requiretty to collect with --sudo").arg(user));
    if (err.contains("not in the sudoers") || err.contains("not allowed to") || err.contains("may not run sudo")
        || err.contains("Operation not permitted") || err.contains("not permitted"))
        refuse(TransportError::Kind::Auth, QStringLiteral("%1 may not run commands as root (%2)").arg(user, firstMessage(err)));
    const QString message = firstMessage(err);
    refuse(TransportError::Kind::Auth, QStringLiteral("cannot become root (exit %1%2)")
                                           .arg(probe.exitCode)
                                           .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message));
}

void PrivilegedTransport::establish(const CancelToken &cancel)
{
    const QString user = m_inner->endpoint().user;
    RunRequest probe;
    probe.command = BecomeCommand::probe(m_become.method);
    probe.timeoutMs = kProbeTimeoutMs;
    probe.maxOutputBytes = 64 * 1024;
    const RunResult asked = m_inner->run(probe, nullptr, cancel);
    const bool passwordRequired = asked.exitCode != 0 && asked.error.isEmpty() && !asked.timedOut && !asked.cancelled
        && (asked.stderrData.contains("password is required") || asked.stderrData.contains("Authorization required")
            || asked.stderrData.contains("Authentication required"));
    QString asUser;
    if (asked.ok()) {
        asUser = QString::fromUtf8(asked.stdoutData).trimmed();
    } else if (!passwordRequired) {
        explainProbeFailure(asked);
    } else if (m_become.method == BecomeOptions::Method::Doas) {
        refuse(TransportError::Kind::Auth,
               QStringLiteral("a password is required, and doas cannot read one from a program (it has no -S); "
                              "add \"permit nopass %1 as root\" to doas.conf, or use --become-method sudo").arg(user));
    } else {
        if (!m_prompt)
            refuse(TransportError::Kind::Auth, QStringLiteral("a password is required and there is no way to ask for it "
                                                              "(no terminal); allow %1 NOPASSWD in sudoers or run casectl "
                                                              "from a terminal").arg(user));
        SecretQuestion q;
        q.kind = SecretQuestion::Kind::BecomePassword;
        q.host = m_inner->hostSpec();
        q.user = user;
        q.prompt = QStringLiteral("[sudo] password for %1 on %2:").arg(user, m_inner->hostSpec());
        std::optional<QByteArray> answer = m_prompt(q);
        if (!answer)
            refuse(TransportError::Kind::Auth, QStringLiteral("a password is required and none was given"));
        m_password = *answer;
        wipe(*answer);
        if (m_password.contains('\n') || m_password.contains('\r')) {
            wipePassword();
            refuse(TransportError::Kind::Auth, QStringLiteral("the password holds a line break; sudo -S reads one line"));
        }
        RunRequest check;
        check.command = BecomeCommand::validateWithPassword();
        check.stdinData = m_password + '\n';
        check.timeoutMs = kProbeTimeoutMs;
        check.maxOutputBytes = 64 * 1024;
        const RunResult checked = m_inner->run(check, nullptr, cancel);
        wipe(check.stdinData);
        if (!checked.ok()) {
            wipePassword();
            if (wrongPassword(checked))
                refuse(TransportError::Kind::Auth, QStringLiteral("incorrect password"));
            explainProbeFailure(checked);
        }
        asUser = QString::fromUtf8(checked.stdoutData).trimmed();
        m_needsPassword = true;
        m_token = QStringLiteral("casebook-become-") + QUuid::createUuid().toString(QUuid::Id128);
    }
    if (asUser != QLatin1String("root"))
        refuse(TransportError::Kind::Auth, QStringLiteral("became \"%1\", not root").arg(asUser.left(64)));
    m_record.method = toolName();
    m_record.loginUser = user;
    m_record.asUser = asUser;
    m_record.passwordGiven = m_needsPassword;
}

RunResult PrivilegedTransport::run(const RunRequest &request, const OutputSink *sink, const CancelToken &cancel)
{
    RunRequest wrapped = request;
    if (!m_needsPassword) {
        wrapped.command = BecomeCommand::wrapNoPassword(m_become.method, request.command);
        return m_inner->run(wrapped, sink, cancel);
    }
    wrapped.command = BecomeCommand::wrapWithPassword(request.command, m_token);
    wrapped.stdinData = BecomeCommand::inputWithPassword(m_password, m_token, request.stdinData);
    RunResult r = m_inner->run(wrapped, sink, cancel);
    wipe(wrapped.stdinData);
    // The password stopped working mid-run (changed, or the account locked):
    // say so instead of handing back an empty result.
    if (r.error.isEmpty() && wrongPassword(r))
        r.error = QStringLiteral("%1: incorrect password").arg(who());
    else if (r.error.isEmpty() && r.exitCode == BecomeCommand::kFramingLostExit
             && r.stderrData.contains("casebook: become: the input framing line never came"))
        r.error = QStringLiteral("%1: the command's input was lost before it started").arg(who());
    return r;
}

PullResult PrivilegedTransport::pull(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                                     const CancelToken &cancel)
{
    PullResult result;
    RunRequest run;
    run.command = BecomeCommand::pullCommand(request.remotePath, request.maxBytes, request.confineTo, request.followSymlinks);
    run.timeoutMs = request.timeoutMs;
    run.maxOutputBytes = request.maxBytes > 0 ? request.maxBytes + 8192 : 0;
    QByteArray header; // the resolved path, up to its NUL
    bool inHeader = true;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    OutputSink sink;
    sink.onStdout = [&](QByteArrayView data) {
        if (inHeader) {
            const qsizetype nul = data.indexOf('\0');
            header.append(data.first(nul < 0 ? data.size() : nul));
            if (nul < 0)
                return;
            inHeader = false;
            data = data.sliced(nul + 1);
        }
        qint64 keep = data.size();
        if (request.maxBytes > 0 && result.size + keep > request.maxBytes) {
            keep = request.maxBytes - result.size;
            result.truncated = true;
        }
        if (keep <= 0)
            return;
        const QByteArrayView part = data.first(keep);
        hash.addData(part);
        result.size += keep;
        if (onData)
            onData(part);
    };
    QByteArray errors;
    sink.onStderr = [&](QByteArrayView data) { errors.append(data.first(qMin<qsizetype>(data.size(), 8192 - errors.size()))); };
    const RunResult r = this->run(run, &sink, cancel);
    result.resolvedPath = QString::fromUtf8(header);
    result.sha256 = QString::fromLatin1(hash.result().toHex());
    result.cancelled = r.cancelled;
    const QString path = request.remotePath;
    if (!r.error.isEmpty())
        result.error = r.error;
    else if (r.timedOut)
        result.error = QStringLiteral("%1:%2: timed out after %3 s pulling it as root").arg(hostSpec(), path).arg(request.timeoutMs / 1000);
    else if (!r.cancelled && !r.ok()) {
        const qsizetype at = errors.indexOf("casebook: pull: ");
        const QString why = at >= 0 ? QString::fromUtf8(errors.mid(at + 16).split('\n').value(0)) : firstMessage(errors);
        result.error = QStringLiteral("%1:%2: %3").arg(hostSpec(), path, why.isEmpty() ? QStringLiteral("exit %1").arg(r.exitCode) : why);
    } else if (inHeader && !r.cancelled) {
        result.error = QStringLiteral("%1:%2: no answer from the pull script").arg(hostSpec(), path);
    }
    return result;
}
