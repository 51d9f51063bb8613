#pragma once

#include "fleet/FleetHostResult.h"
#include "transport/SshOptions.h"

#include <QCommandLineParser>

#include <mutex>

class CliContext;

// The options every connecting casectl command shares: --ssh-config,
// --known-hosts, --accept-new, --password, --connect-timeout, --jobs,
// --hosts-file, --sudo, --become-method, and how host keys and secrets
// (sudo's password too) are asked for on a terminal.
namespace RemoteOptions {
void add(QCommandLineParser &parser);
// Throws UsageError for bad values.
SshOptions sshOptions(const QCommandLineParser &parser, CliContext &ctx);
int jobs(const QCommandLineParser &parser);
// Host arguments expanded with --hosts-file and ssh_config patterns;
// throws UsageError when none remain.
QStringList hosts(const QCommandLineParser &parser, const QStringList &args);
// Serialises terminal output and prompts of the worker threads.
std::mutex &outputMutex();
// "3 hosts: 2 ok, 1 refused" for the plain-text summary.
QString summary(const QList<FleetHostResult> &results);
}
