#pragma once

#include <QString>
#include <stdexcept>

// The one exception type the engine throws. Carries a user-presentable message;
// callers at a boundary (casectl command, GUI worker) catch it and report.
class CaseError : public std::runtime_error
{
public:
    explicit CaseError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message) {}
    const QString &message() const noexcept { return m_message; }

private:
    QString m_message;
};
