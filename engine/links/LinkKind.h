#pragma once

#include <QList>
#include <QString>
#include <optional>

// Every kind of evidence link in a case: what analyzers and importers store
// as (ref_kind, ref_id) in finding_evidence and events, what the panes pass
// around, and what notes write as [[kind:target]]. The one list: writers build
// their references with LinkBuilder from these kinds, LinkResolver resolves
// each, and the workbench's panes declare which of them they show.
enum class LinkKind {
    Artifact,      // artifacts.id
    Collection,    // collections.id
    Host,          // hosts.id or a host name
    Snapshot,      // procfs_snapshots.id (or HOST, latest)
    Task,          // procfs_tasks.id as written; HOST/SNAPSHOT/TID as text
    Stack,         // procfs_stacks.id, @SNAPSHOT as text
    Group,         // a stack group: SIGNATURE@SNAPSHOT
    KernelEvent,   // events.id of a kernel-log event
    KernelLogLine, // kernel_log_lines.id
    Event,         // events.id
    Finding,       // findings.id
    Note,          // notes.id
    StraceCall,    // strace_calls.id
    Conversation,  // pcap_conversations.id
    RpcCall,       // pcap_rpc_calls.id
};

struct LinkKindInfo
{
    LinkKind kind;
    QString name;       // ref_kind / [[name:...]]
    bool storedByEngine; // analyzers or importers store references of this kind
};

namespace LinkKinds {
const QList<LinkKindInfo> &all();
QString name(LinkKind kind);
std::optional<LinkKind> parse(const QString &name);
}
