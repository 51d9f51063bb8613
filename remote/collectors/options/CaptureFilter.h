#pragma once

#include <QString>

// A tcpdump capture filter (pcap-filter expression) as a user types it, in
// casectl or in the Collect dialog. pcap-filter itself has no quotes, so
// quotes are shell quoting copied along with an example ('port 2049 or port
// 111'): quoted parts are taken literally and the quotes dropped, as a shell
// would. Backslashes stay (pcap-filter uses them: ether proto \ip).
//
// Syntax checks, without a capture device: quotes and parentheses balanced,
// not empty once unquoted, one line of printable text, at most 4096
// characters, no operator (and, or, not, &&, ||, !) dangling at an end or
// doubled ("and or"), no empty parentheses.
class CaptureFilter
{
public:
    // Checks text; filter() is the expression tcpdump gets (one argument).
    static CaptureFilter parse(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString filter() const { return m_filter; }

private:
    QString m_filter;
    QString m_error;
};
