#include "LinkKind.h"

namespace LinkKinds {

const QList<LinkKindInfo> &all()
{
    static const QList<LinkKindInfo> kinds{
        {LinkKind::Artifact, QStringLiteral("artifact"), true},
        {LinkKind::Collection, QStringLiteral("collection"), false},
        {LinkKind::Host, QStringLiteral("host"), false},
        {LinkKind::Snapshot, QStringLiteral("snapshot"), true},
        {LinkKind::Task, QStringLiteral("task"), true},
        {LinkKind::Stack, QStringLiteral("stack"), true},
        {LinkKind::Group, QStringLiteral("group"), false},
        {LinkKind::KernelEvent, QStringLiteral("kernel-event"), true},
        {LinkKind::KernelLogLine, QStringLiteral("kernel-log-line"), true},
        {LinkKind::Event, QStringLiteral("event"), false},
        {LinkKind::Finding, QStringLiteral("finding"), false},
        {LinkKind::Note, QStringLiteral("note"), false},
        {LinkKind::StraceCall, QStringLiteral("strace-call"), true},
        {LinkKind::Conversation, QStringLiteral("conversation"), true},
        {LinkKind::RpcCall, QStringLiteral("rpc-call"), true},
    };
    return kinds;
}

QString name(LinkKind kind)
{
    for (const LinkKindInfo &k : all())
        if (k.kind == kind)
            return k.name;
    return {};
}

std::optional<LinkKind> parse(const QString &name)
{
    for (const LinkKindInfo &k : all())
        if (k.name == name)
            return k.kind;
    return std::nullopt;
}

}
