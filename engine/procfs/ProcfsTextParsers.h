#pragma once

#include "ProcfsSample.h"
#include "ProcfsStream.h"

#include <QByteArray>

// Parsers of the individual /proc and /sys texts of a snapshot sample. Each
// tolerates garbage and truncation (skips what it cannot read).
namespace ProcfsTextParsers {
// uptime, loadavg, stat, meminfo, pressure/* into the sample's host values.
void hostFile(const QString &path, const QByteArray &content, ProcfsSample &s);
// The cgroup to show for a process: v1 memory controller path, else the v2 path.
QString primaryCgroup(const QByteArray &content);
// NUL-separated (path, target) pairs of fd and ns/pid links.
void links(const QByteArray &body, ProcfsSample &s);
void cgroupMemory(const QList<ProcfsStream::File> &files, ProcfsSample &s);
void mountinfo(const QByteArray &content, ProcfsSample &s);
void mountstats(const QByteArray &content, ProcfsSample &s);
// Listening sockets of /proc/net/tcp or tcp6.
void netTcp(const QString &proto, const QByteArray &content, ProcfsSample &s);
// Undoes the \040-style octal escapes of mountinfo fields.
QString unescapeOctal(const QByteArray &field);
}
