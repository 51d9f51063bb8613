#pragma once

#include <QString>

// Builds a small but realistic case through the engine APIs, after the
// php-fpm flock-on-NFSv3 and Envoy D-state incidents in the seeds: two hosts,
// procfs / kernel-log / strace collections with raw artifacts, kernel-log
// events, findings linked to evidence, a note and a marker.
struct SampleCase
{
    qint64 webHost = 0;
    qint64 nfsHost = 0;
    qint64 straceArtifact = 0;
    qint64 kernelLogArtifact = 0;
    qint64 stackArtifact = 0;
    qint64 binaryArtifact = 0;
    qint64 hungFinding = 0;
    qint64 lockdFinding = 0;
    qint64 note = 0;
    qint64 firstSnapshot = 0;  // web-3, 2 D php-fpm + a zombie
    qint64 secondSnapshot = 0; // web-3, 3 D php-fpm, zombie gone
    qint64 baseUs = 0; // time of the first kernel-log event

    static SampleCase build(const QString &path);
    // Imports a capture of web-3 into the case at path through the real pcap
    // importer (NFS SYNs unanswered, a refused connect, status not registered,
    // nlockmgr unanswered; cut short at the end). Returns pcap_captures.id.
    qint64 addCapture(const QString &path) const;
    static QByteArray straceLog();
    static QByteArray kernelLog();
    static QByteArray kernelStack();
};
