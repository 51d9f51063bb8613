#pragma once

#include <QString>
#include <QStringList>

// OpenSSH known_hosts files, read with OpenSSH's rules: comma-separated host
// patterns with * and ? wildcards and !negation, hashed names (|1|salt|hash),
// [host]:port for non-standard ports, @revoked markers. @cert-authority
// lines are recognised and never taken as the host's own key (host
// certificates cannot be verified with libssh: see docs/remote.md); a host
// they cover is reported with the line. Files are read on each
// check, so keys appended by another session are seen.
class KnownHosts
{
public:
    struct Match
    {
        enum class Status { Ok, Unknown, Changed, OtherType, Revoked };
        Status status = Status::Unknown;
        QString certAuthority; // Unknown: file:line of a @cert-authority line for the host
        QString file;       // the line that decided (Changed, OtherType, Revoked, Ok)
        int line = 0;
        QString knownType;  // the key type that line holds
    };

    // files: user files first, then global ones; missing files are skipped.
    explicit KnownHosts(QStringList files) : m_files(std::move(files)) {}

    // keyType as ssh-ed25519/ecdsa-sha2-nistp256/ssh-rsa; keyBase64 the blob.
    Match check(const QString &host, int port, const QString &keyType, const QString &keyBase64) const;

    // Appends "name keytype base64" to file (creating it and its directory,
    // mode 0700, if needed); with hashName the name is written as OpenSSH's
    // HashKnownHosts does: |1|base64(salt)|base64(HMAC-SHA1(salt, name)).
    // Throws CaseError when the file cannot be written.
    static void append(const QString &file, const QString &host, int port, const QString &keyType,
                       const QString &keyBase64, bool hashName = false);
    // The hashed form of a known_hosts name with a fresh 20-byte salt.
    static QString hashedName(const QString &name);

    // host, or [host]:port when port is not 22.
    static QString hostName(const QString &host, int port);
    // OpenSSH's short name of a key type: ED25519, ECDSA, RSA, DSA.
    static QString shortType(const QString &keyType);
    // Does a comma-separated pattern list (or hashed |1|... entry) match name?
    static bool hostMatches(const QString &patterns, const QString &name);
    // OpenSSH wildcard match (* and ?), case-insensitive.
    static bool wildcardMatch(const QString &pattern, const QString &text);

    const QStringList &files() const { return m_files; }

private:
    QStringList m_files;
};
