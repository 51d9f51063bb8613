#pragma once

#include <QString>

// Builds a case holding every kind of parsed evidence, from fixture files
// under tests/data, through the same code the collectors and importers use:
// a procfs snapshot (procfs/seed001.snapshot, with its tasks, stacks,
// sockets, findings and timeline event), a kernel log (procfs/kernel-log/
// oom-kill.txt: lines, an event, a finding citing the event, a task and a
// stack), an strace log (strace/seed004-php-fpm-f.strace) and a capture
// (pcap/loopback-http-rpc.pcapng) imported by their importers, a marker and
// a note. Host "rain-7".
namespace EvidenceCase {
void build(const QString &path);
}
