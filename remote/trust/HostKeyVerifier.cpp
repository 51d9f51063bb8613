#include "HostKeyVerifier.h"

#include "transport/Transport.h"
#include "util/CaseError.h"

void HostKeyVerifier::verify(const QString &host, int port, const ServerKey &key) const
{
    using Status = KnownHosts::Match::Status;
    const KnownHosts known(knownHostsFiles);
    const KnownHosts::Match m = known.check(host, port, key.type, key.base64);
    const QString name = KnownHosts::hostName(host, port);
    const QString where = QStringLiteral("%1:%2").arg(m.file).arg(m.line);
    switch (m.status) {
    case Status::Ok:
        return;
    case Status::Revoked:
        throw TransportError(TransportError::Kind::HostKeyChanged,
                             QStringLiteral("WARNING: the %1 host key of %2 (%3) is marked as revoked in %4. "
                                            "Host key verification failed.")
                                 .arg(KnownHosts::shortType(key.type), name, key.sha256, where));
    case Status::Changed:
        throw TransportError(TransportError::Kind::HostKeyChanged,
                             QStringLiteral("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for %1! Someone could be "
                                            "eavesdropping on you right now (man-in-the-middle attack), or the host key "
                                            "has just been changed. The %2 key the server sent is %3; the offending key "
                                            "is in %4. Host key verification failed (nothing was written; remove that "
                                            "line yourself once you have checked the new key).")
                                 .arg(name, KnownHosts::shortType(key.type), key.sha256, where));
    case Status::OtherType:
        throw TransportError(TransportError::Kind::HostKeyChanged,
                             QStringLiteral("WARNING: %1 sent a %2 host key (%3) but %4 records a %5 key for it. "
                                            "The host may have been replaced or someone may be intercepting the "
                                            "connection. Host key verification failed (nothing was written).")
                                 .arg(name, KnownHosts::shortType(key.type), key.sha256, where,
                                      KnownHosts::shortType(m.knownType)));
    case Status::Unknown:
        break;
    }
    const HostKeyQuestion question{name, key.type, key.sha256, appendFile};
    bool trust = acceptNew;
    if (!trust && prompt)
        trust = prompt(question);
    if (!trust)
        throw TransportError(TransportError::Kind::HostKeyUnknown,
                             QStringLiteral("The authenticity of host '%1' can't be established. %2 key fingerprint is "
                                            "%3. Host key verification failed: the key is not in %4 (use --accept-new "
                                            "to trust it and record it there).")
                                 .arg(name, KnownHosts::shortType(key.type), key.sha256,
                                      knownHostsFiles.isEmpty() ? appendFile : knownHostsFiles.join(QLatin1String(", ")))
                                 + (m.certAuthority.isEmpty()
                                        ? QString()
                                        : QStringLiteral(" The @cert-authority line at %1 covers this host, but Casebook "
                                                         "cannot verify host certificates (libssh has no API for it): "
                                                         "record the host's own key.")
                                              .arg(m.certAuthority)));
    try {
        if (appendFile.isEmpty())
            throw CaseError(QStringLiteral("UserKnownHostsFile is none"));
        KnownHosts::append(appendFile, host, port, key.type, key.base64, hashNames);
    } catch (const CaseError &e) {
        throw TransportError(TransportError::Kind::HostKeyUnknown,
                             QStringLiteral("%1: cannot record the host key: %2").arg(name, e.message()));
    }
    if (acceptNew && added)
        added(question);
}
