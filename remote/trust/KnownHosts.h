#pragma once

#include <QString>
#include <QStringList>

// OpenSSH known_hosts files, read with OpenSSH's rules: comma-separated host
// patterns with * and ? wildcards and !negation, hashed names (|1|salt|hash),
// [host]:port for non-standard ports, @revoked markers (@cert-authority
// lines are skipped: certificates are not supported). Files are read on each
// check, so keys appended by another session are seen.
class KnownHosts
{
public:
    struct Match
    {
        enum class Status { Ok, Unknown, Changed, OtherType, Revoked };
        Status status = Status::Unknown;
        QString file;       // the line that decided (Changed, OtherType, Revoked, Ok)
        int line = 0;
        QString knownType;  // the key type that line holds
    };

    // files: user files first, then global ones; missing files are skipped.
    explicit KnownHosts(QStringList files) : m_files(std::move(files)) {}

    // keyType as ssh-ed25519/ecdsa-sha2-nistp256/ssh-rsa; keyBase64 the blob.
    Match check(const QString &host, int port, const QString &keyType, const QString &keyBase64) const;

    // Appends "name keytype base64" to file (creating it and its directory,
    // mode 0700, if needed). Throws CaseError when the file cannot be written.
    static void append(const QString &file, const QString &host, int port, const QString &keyType,
                       const QString &keyBase64);

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
