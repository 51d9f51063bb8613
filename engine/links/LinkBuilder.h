#pragma once

#include "LinkKind.h"
#include "casefile/FindingStore.h"

#include <QString>

struct ProcTask;

// How the engine writes evidence links: every analyzer and importer builds
// its references here, so the kinds written are the kinds LinkKinds lists (a
// test enumerates them and opens each in the workbench).
namespace LinkBuilder {
// A stored reference (finding_evidence / events ref_kind, ref_id).
EvidenceRef ref(LinkKind kind, qint64 id, const QString &label = {});
// A task as stored: its procfs_tasks row, labelled "pid/tid comm".
EvidenceRef task(const ProcTask &task);
// The ref_kind text of a kind (events.ref_kind).
inline QString kindName(LinkKind kind) { return LinkKinds::name(kind); }

// Text forms, as notes write them: [[kind:target]]. Stable within the case:
// a task is HOST/SNAPSHOT/TID (the host only when its name fits a link), a
// stack STACK@SNAPSHOT.
QString text(LinkKind kind, const QString &target);
QString taskTarget(const QString &hostName, qint64 snapshotId, qint64 tid);
QString stackTarget(qint64 stackId, qint64 snapshotId);
// Whether a host name can stand in a link target (no spaces, brackets, '/').
bool isLinkableHostName(const QString &name);
}
