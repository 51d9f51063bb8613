#pragma once

#include <QCommandLineParser>
#include <QString>

#include <stdexcept>

class CliContext;

// Exit codes shared by every casectl command.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// One casectl sub-command. setup() declares its options and positional
// arguments; run() does the work and returns an ExitCode. Engine errors
// (CaseError) thrown from run() are reported by main as failures.
class Command
{
public:
    virtual ~Command();
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    virtual void setup(QCommandLineParser &parser) const = 0;
    virtual int run(const QCommandLineParser &parser, CliContext &ctx) = 0;

    // Shared option helpers so every command spells them the same way.
    static void addJsonOption(QCommandLineParser &parser);
    // The positional argument at index, or throws UsageError naming what.
    static QString requiredArg(const QCommandLineParser &parser, int index, const QString &what);
};

// Thrown for a usage mistake found while running; main exits with ExitUsage.
class UsageError : public std::runtime_error
{
public:
    explicit UsageError(const QString &message) : std::runtime_error(message.toStdString()), m_message(message) {}
    const QString &message() const { return m_message; }

private:
    QString m_message;
};
