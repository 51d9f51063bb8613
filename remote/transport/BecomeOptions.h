#pragma once

#include <QJsonObject>
#include <QString>

// How a host's collection work is run as root once logged in: not at all
// (the login account), with sudo, or with doas. casectl --sudo /
// --become-method, a hosts file's "become=..." word, or the Collect dialog
// set it; it travels in SshOptions to TransportFactory, which wraps the
// host's transport in a PrivilegedTransport.
struct BecomeOptions
{
    enum class Method { None, Sudo, Doas };
    Method method = Method::None;

    bool enabled() const { return method != Method::None; }
    // "sudo", "doas", "none".
    static QString methodName(Method m);
    // Accepts sudo, doas, none (case-insensitive); false for anything else.
    static bool parseMethod(const QString &text, Method *out);
};

// What a collection ran as, recorded in its parameters ("become"): the tool,
// the login account it started from, the account it became, and whether a
// password had to be given (never the password itself).
struct BecomeRecord
{
    QString method;     // "sudo", "doas"; empty: ran as the login account
    QString loginUser;  // the SSH (or local) account
    QString asUser;     // "root", as the host reported it (id -un)
    bool passwordGiven = false;

    bool isEmpty() const { return method.isEmpty(); }
    QJsonObject toJson() const;
};
