#include "SshConnection.h"

#include "JumpTunnel.h"
#include "SshConfigFile.h"
#include "trust/HostKeyVerifier.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>

#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>

namespace {

constexpr int kDefaultTimeoutMs = 20000;
constexpr int kTickMs = 50;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Wipes a secret held in a QByteArray.
void wipe(QByteArray &secret)
{
    if (!secret.isEmpty())
        std::memset(secret.data(), 0, size_t(secret.size()));
    secret.clear();
}

}

SshConnection::SshConnection(const QString &hostSpec, const SshOptions &options, bool isJumpHop)
    : m_label(hostSpec), m_options(options), m_isJumpHop(isJumpHop)
{
}

SshConnection::~SshConnection()
{
    if (m_session) {
        ssh_disconnect(m_session);
        ssh_free(m_session);
    }
    while (!m_tunnels.empty())
        m_tunnels.pop_back(); // innermost hop first
}

void SshConnection::fail(TransportError::Kind kind, const QString &message)
{
    throw TransportError(kind, m_label + QStringLiteral(": ") + message);
}

void SshConnection::configure()
{
    if (m_session)
        return;
    try {
        m_spec = HostSpec::parse(m_label);
    } catch (const std::invalid_argument &e) {
        fail(TransportError::Kind::Connect, QString::fromUtf8(e.what()));
    }
    m_session = ssh_new();
    if (!m_session)
        fail(TransportError::Kind::Connect, QStringLiteral("cannot create an SSH session"));
    if (!m_options.configFile.isEmpty() && !QFile::exists(m_options.configFile))
        fail(TransportError::Kind::Connect, QStringLiteral("ssh config file %1 does not exist").arg(m_options.configFile));
    // Casebook resolves the config itself, as OpenSSH does (libssh's own
    // reader lets a later Host block override an earlier one and matches
    // Host patterns against HostName), and hands libssh the result.
    bool off = false;
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &off);
    m_config = SshConfigFile::load(m_options.configFile).resolve(m_spec.host, m_spec.user, m_spec.port);
    if (!m_options.knownHostsFile.isEmpty())
        m_config.userKnownHostsFiles = {m_options.knownHostsFile};
    if (!m_options.globalKnownHostsFile.isEmpty())
        m_config.globalKnownHostsFiles = {m_options.globalKnownHostsFile};
    m_host = m_config.hostName;
    m_port = m_config.port;
    m_user = m_config.user;
    const QByteArray host = m_host.toUtf8();
    const QByteArray user = m_user.toUtf8();
    const unsigned int port = unsigned(m_port);
    if (ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData()) != SSH_OK
        || ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData()) != SSH_OK
        || ssh_options_set(m_session, SSH_OPTIONS_PORT, &port) != SSH_OK)
        fail(TransportError::Kind::Connect, QStringLiteral("bad ssh config: %1").arg(QString::fromUtf8(ssh_get_error(m_session))));
    // SSH_OPTIONS_IDENTITY prepends: the configured files come first, in order.
    if (m_config.identityFilesConfigured) {
        for (qsizetype i = m_config.identityFilesExpanded.size() - 1; i >= 0; --i) {
            const QByteArray file = QFile::encodeName(m_config.identityFilesExpanded.at(i));
            ssh_options_set(m_session, SSH_OPTIONS_IDENTITY, file.constData());
        }
    }
    const int identitiesOnly = m_config.identitiesOnly ? 1 : 0;
    ssh_options_set(m_session, SSH_OPTIONS_IDENTITIES_ONLY, &identitiesOnly);
    for (const QString &cert : std::as_const(m_config.certificateFilesExpanded)) {
        const QByteArray file = QFile::encodeName(cert);
        ssh_options_set(m_session, SSH_OPTIONS_CERTIFICATE, file.constData());
    }
    // Casebook runs ProxyJump itself so every hop is verified and reported.
    m_proxyJump = m_isJumpHop ? QString() : m_config.proxyJump;
    ssh_options_set(m_session, SSH_OPTIONS_PROXYJUMP, "none");

    m_timeoutMs = m_options.connectTimeoutMs > 0 ? m_options.connectTimeoutMs : kDefaultTimeoutMs;
    if (m_options.connectTimeoutMs <= 0 && m_config.connectTimeoutSeconds > 0)
        m_timeoutMs = m_config.connectTimeoutSeconds * 1000;
    const long timeoutSec = qMax(1, m_timeoutMs / 1000);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeoutSec);
    // libssh orders host key algorithms by what these files know.
    const QByteArray known = QFile::encodeName(m_config.userKnownHostsFiles.value(0));
    ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, known.constData());
    const QByteArray global = QFile::encodeName(m_config.globalKnownHostsFiles.value(0));
    ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, global.constData());
    ssh_callbacks_init(&m_callbacks);
    m_callbacks.userdata = this;
    m_callbacks.auth_function = &SshConnection::passphraseCallback;
    ssh_set_callbacks(m_session, &m_callbacks);
}

void SshConnection::connect(const CancelToken &cancel, int fd)
{
    configure();
    m_deadline = nowMs() + m_timeoutMs;
    if (!m_proxyJump.isEmpty() && fd < 0)
        setupJumps(cancel, m_proxyJump, fd);
    if (fd >= 0)
        ssh_options_set(m_session, SSH_OPTIONS_FD, &fd);
    m_deadline = nowMs() + m_timeoutMs;
    connectSession(cancel);
    verifyHostKey();
    authenticate(cancel);
    ssh_set_blocking(m_session, 1);
    tuneSocket();
}

void SshConnection::setupJumps(const CancelToken &cancel, const QString &proxyJump, int &fd)
{
    const QStringList hops = proxyJump.split(QLatin1Char(','), Qt::SkipEmptyParts);
    std::vector<std::unique_ptr<SshConnection>> connections;
    for (const QString &hop : hops) {
        connections.push_back(std::make_unique<SshConnection>(hop.trimmed(), m_options, true));
        connections.back()->configure();
    }
    int hopFd = -1;
    for (size_t i = 0; i < connections.size(); ++i) {
        SshConnection &hop = *connections[i];
        try {
            hop.connect(cancel, hopFd);
        } catch (const TransportError &e) {
            throw TransportError(e.kind(), QStringLiteral("%1: via jump host %2").arg(m_label, e.message()));
        }
        const bool last = i + 1 == connections.size();
        const QString nextHost = last ? m_host : connections[i + 1]->host();
        const int nextPort = last ? m_port : connections[i + 1]->port();
        m_tunnels.push_back(std::make_unique<JumpTunnel>(std::move(connections[i]), nextHost, nextPort));
        hopFd = m_tunnels.back()->fd();
    }
    fd = hopFd;
}

int SshConnection::waitFor(const CancelToken &cancel, const std::function<int()> &step, int againCode, const char *what)
{
    for (;;) {
        const int rc = step();
        if (rc != againCode)
            return rc;
        if (cancel.isCancelled())
            fail(TransportError::Kind::Cancelled, QStringLiteral("cancelled"));
        if (nowMs() >= m_deadline)
            fail(TransportError::Kind::Timeout, QStringLiteral("timed out after %1 s during %2 (%3 port %4)")
                                                    .arg(m_timeoutMs / 1000).arg(QLatin1String(what), m_host).arg(m_port));
        const int sock = ssh_get_fd(m_session);
        if (sock >= 0) {
            pollfd p{sock, POLLIN, 0};
            poll(&p, 1, kTickMs);
        } else {
            poll(nullptr, 0, 10);
        }
    }
}

void SshConnection::connectSession(const CancelToken &cancel)
{
    ssh_set_blocking(m_session, 0);
    const int rc = waitFor(cancel, [this] { return ssh_connect(m_session); }, SSH_AGAIN, "connect");
    if (rc != SSH_OK)
        fail(TransportError::Kind::Connect, QStringLiteral("cannot connect to %1 port %2: %3")
                                                .arg(m_host).arg(m_port).arg(QString::fromUtf8(ssh_get_error(m_session))));
}

void SshConnection::verifyHostKey()
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(m_session, &key) != SSH_OK || !key)
        fail(TransportError::Kind::Protocol, QStringLiteral("the server sent no host key"));
    HostKeyVerifier::ServerKey serverKey;
    serverKey.type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    char *b64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key, &b64) == SSH_OK && b64) {
        serverKey.base64 = QString::fromLatin1(b64);
        ssh_string_free_char(b64);
    }
    unsigned char *hash = nullptr;
    size_t hashLen = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLen) == SSH_OK) {
        char *fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLen);
        if (fp) {
            serverKey.sha256 = QString::fromLatin1(fp);
            ssh_string_free_char(fp);
        }
        ssh_clean_pubkey_hash(&hash);
    }
    ssh_key_free(key);
    if (serverKey.type.isEmpty() || serverKey.base64.isEmpty() || serverKey.sha256.isEmpty())
        fail(TransportError::Kind::Protocol, QStringLiteral("unreadable host key"));
    m_hostKey = HostKeyInfo{serverKey.type, serverKey.sha256};

    HostKeyVerifier verifier;
    verifier.knownHostsFiles = m_config.userKnownHostsFiles + m_config.globalKnownHostsFiles;
    verifier.appendFile = m_config.userKnownHostsFiles.value(0);
    verifier.hashNames = m_config.hashKnownHosts;
    // Like -o StrictHostKeyChecking: what the caller asks for wins over the config.
    using Strict = SshHostConfig::StrictHostKeyChecking;
    const Strict strict = m_options.acceptNew ? Strict::AcceptNew : m_config.strictHostKeyChecking;
    verifier.acceptNew = strict == Strict::AcceptNew || strict == Strict::No;
    if (strict != Strict::Yes)
        verifier.prompt = m_options.hostKeyPrompt;
    verifier.added = m_options.hostKeyAdded;
    try {
        verifier.verify(m_host, m_port, serverKey);
    } catch (const TransportError &e) {
        fail(e.kind(), e.message());
    }
}

int SshConnection::passphraseCallback(const char *prompt, char *buf, size_t len, int echo, int, void *userdata)
{
    auto *self = static_cast<SshConnection *>(userdata);
    if (!self->m_options.secretPrompt || len == 0)
        return -1;
    SecretQuestion q;
    q.kind = SecretQuestion::Kind::KeyPassphrase;
    q.host = self->m_label;
    q.user = self->m_user;
    q.prompt = QString::fromUtf8(prompt);
    q.echo = echo != 0;
    std::optional<QByteArray> answer = self->m_options.secretPrompt(q);
    if (!answer)
        return -1;
    const size_t n = qMin(size_t(answer->size()), len - 1);
    std::memcpy(buf, answer->constData(), n);
    buf[n] = '\0';
    wipe(*answer);
    return 0;
}

void SshConnection::authenticate(const CancelToken &cancel)
{
    QStringList tried;
    int rc = waitFor(cancel, [this] { return ssh_userauth_none(m_session, nullptr); }, SSH_AUTH_AGAIN, "authentication");
    if (rc == SSH_AUTH_SUCCESS)
        return;
    if (rc == SSH_AUTH_ERROR)
        fail(TransportError::Kind::Auth, QStringLiteral("authentication error: %1").arg(QString::fromUtf8(ssh_get_error(m_session))));
    auto methods = [this] { return ssh_userauth_list(m_session, nullptr); };
    auto methodNames = [](int m) {
        QStringList names;
        if (m & SSH_AUTH_METHOD_PUBLICKEY)
            names << QStringLiteral("publickey");
        if (m & SSH_AUTH_METHOD_INTERACTIVE)
            names << QStringLiteral("keyboard-interactive");
        if (m & SSH_AUTH_METHOD_PASSWORD)
            names << QStringLiteral("password");
        if (m & SSH_AUTH_METHOD_GSSAPI_MIC)
            names << QStringLiteral("gssapi-with-mic");
        return names.join(QLatin1String(", "));
    };
    const int offered = methods();
    if (methods() & SSH_AUTH_METHOD_PUBLICKEY) {
        tried << QStringLiteral("publickey (agent and identity files)");
        rc = waitFor(cancel, [this] { return ssh_userauth_publickey_auto(m_session, nullptr, nullptr); }, SSH_AUTH_AGAIN,
                     "public key authentication");
        if (rc == SSH_AUTH_SUCCESS)
            return;
    }
    if (m_options.allowPassword && m_options.secretPrompt && (methods() & SSH_AUTH_METHOD_INTERACTIVE)) {
        tried << QStringLiteral("keyboard-interactive");
        for (int round = 0; round < 8; ++round) {
            rc = waitFor(cancel, [this] { return ssh_userauth_kbdint(m_session, nullptr, nullptr); }, SSH_AUTH_AGAIN,
                         "keyboard-interactive authentication");
            if (rc != SSH_AUTH_INFO)
                break;
            const int prompts = ssh_userauth_kbdint_getnprompts(m_session);
            bool gaveUp = false;
            for (int i = 0; i < prompts && !gaveUp; ++i) {
                char echo = 0;
                const char *text = ssh_userauth_kbdint_getprompt(m_session, unsigned(i), &echo);
                SecretQuestion q{SecretQuestion::Kind::KeyboardInteractive, m_label, m_user,
                                 QString::fromUtf8(text ? text : ""), echo != 0};
                std::optional<QByteArray> answer = m_options.secretPrompt(q);
                if (!answer) {
                    gaveUp = true;
                    break;
                }
                answer->append('\0');
                ssh_userauth_kbdint_setanswer(m_session, unsigned(i), answer->constData());
                wipe(*answer);
            }
            if (gaveUp)
                break;
        }
        if (rc == SSH_AUTH_SUCCESS)
            return;
    }
    if (m_options.allowPassword && m_options.secretPrompt && (methods() & SSH_AUTH_METHOD_PASSWORD)) {
        tried << QStringLiteral("password");
        SecretQuestion q{SecretQuestion::Kind::Password, m_label, m_user,
                         QStringLiteral("%1@%2's password:").arg(m_user, m_host), false};
        std::optional<QByteArray> answer = m_options.secretPrompt(q);
        if (answer) {
            answer->append('\0');
            const QByteArray secret = *answer;
            rc = waitFor(cancel, [&] { return ssh_userauth_password(m_session, nullptr, secret.constData()); },
                         SSH_AUTH_AGAIN, "password authentication");
            wipe(*answer);
            if (rc == SSH_AUTH_SUCCESS)
                return;
        }
    }
    fail(TransportError::Kind::Auth,
         QStringLiteral("authentication failed for user '%1' (tried: %2; the server accepts: %3)%4")
             .arg(m_user, tried.isEmpty() ? QStringLiteral("nothing usable") : tried.join(QLatin1String(", ")),
                  methodNames(offered),
                  m_options.allowPassword ? QString()
                                          : QStringLiteral(". Check IdentityFile, IdentitiesOnly and ssh-agent "
                                                           "in your ssh config")));
}

int SshConnection::serverAliveIntervalS() const
{
    return m_config.serverAliveInterval > 0 ? m_config.serverAliveInterval : qMax(1, m_options.keepaliveIntervalMs / 1000);
}

int SshConnection::serverAliveCountMax() const
{
    return qMax(1, m_config.serverAliveInterval > 0 ? m_config.serverAliveCountMax : m_options.keepaliveCountMax);
}

void SshConnection::tuneSocket()
{
    const int sock = ssh_get_fd(m_session);
    if (sock < 0)
        return;
    // Detect a dead peer: keepalives are sent while idle; unacknowledged data
    // for this long breaks the connection instead of hanging.
    // ServerAliveInterval and ServerAliveCountMax from the config, if set.
    const int interval = serverAliveIntervalS();
    const int count = serverAliveCountMax();
    const int on = 1;
    setsockopt(sock, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    setsockopt(sock, IPPROTO_TCP, TCP_KEEPIDLE, &interval, sizeof interval);
    setsockopt(sock, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval);
    setsockopt(sock, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
    const unsigned int userTimeout = unsigned(interval * count * 1000);
    setsockopt(sock, IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeout, sizeof userTimeout);
}
