#pragma once

#include "BlockerEvidence.h"
#include "ProcTask.h"
#include "casefile/CollectionGap.h"

#include <QList>
#include <QString>
#include <QStringList>

struct HostValue
{
    QString section; // uname, os-release, loadavg, uptime, meminfo, psi, stat
    QString key;
    QString value;
    double number = 0;
    bool hasNumber = false;
};

struct CgroupMemory
{
    QString path;
    int version = 2;
    qint64 limit = -1;   // -1 = unlimited / unknown
    qint64 usage = -1;
    qint64 peak = -1;
    qint64 oomEvents = -1;
    qint64 oomKills = -1;
    qint64 underOom = -1;
};

struct MountEntry
{
    qint64 mountId = 0;
    qint64 parentId = 0;
    QString device;
    QString root;
    QString mountPoint;
    QString options;
    QString fstype;
    QString source;
    QString superOptions;
};

struct NfsMountStats
{
    QString device;
    QString mountPoint;
    QString fstype;
    QString options;
    qint64 ageS = -1;
    qint64 ops = 0;
    qint64 timeouts = 0;
    QString summaryJson;
};

struct ListeningSocket
{
    QString proto;
    QString localAddress;
    int localPort = 0;
    QString state;
    qint64 uid = -1;
    qint64 inode = 0;
};

struct ServiceState
{
    QString name;
    QString state;
};

// One sample of a procfs snapshot: host state plus every task.
struct ProcfsSample
{
    int index = 1;
    qint64 takenUs = 0;
    double uptimeS = -1;
    qint64 bootTimeUs = 0;
    double load1 = -1, load5 = -1, load15 = -1;
    qint64 procsRunning = -1;
    qint64 procsBlocked = -1;
    QString kernel;   // uname -r
    QString os;       // PRETTY_NAME
    QString hostname;
    QString rpcinfo;
    QStringList problems; // partial reads, skipped steps, unreadable files
    QList<CollectionGap> gaps; // what could not be read, counted per kind and reason
    qint64 readAsUid = -1;     // the account the script ran as (-1 = not said, format 1)
    QString readAsName;
    QList<HostValue> values;
    QList<ProcTask> tasks;
    QList<CgroupMemory> cgroups;
    QList<MountEntry> mounts;
    QList<NfsMountStats> nfsMounts;
    QList<ListeningSocket> sockets;
    QList<ServiceState> services;
    BlockerEvidence evidence; // locks, fd targets, switch counts, signals, zombie cgroups, NFS ops
};
