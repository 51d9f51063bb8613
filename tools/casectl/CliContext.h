#pragma once

#include <QJsonValue>
#include <QString>
#include <QTextStream>

// Output channels for a command. Plain text passes through safe() so hostile
// names (terminal escapes, newlines) from remote hosts cannot drive the
// terminal; JSON escapes control characters itself.
class CliContext
{
public:
    CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    bool json() const { return m_json; }
    void setJson(bool json) { m_json = json; }

    void printJson(const QJsonValue &value);
    // "casectl: error: message" on stderr.
    void error(const QString &message);
    void warning(const QString &message);

    // Escapes C0/C1 control characters and DEL as \xNN (newline as \n).
    static QString safe(const QString &text);

private:
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
};
