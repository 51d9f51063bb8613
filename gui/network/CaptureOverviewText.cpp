#include "CaptureOverviewText.h"

#include "NetworkText.h"
#include "util/TimeUtil.h"

#include <QList>
#include <QLocale>

#include <algorithm>

using T = NetworkText;

QString CaptureOverviewText::problem(const QJsonObject &c)
{
    const qint64 id = T::integer(c, "id");
    if (!T::text(c, "error").isEmpty())
        return tr("Capture %1 is corrupt: the summary covers only what came before the damage.").arg(id);
    if (T::integer(c, "truncated"))
        return tr("Capture %1 was cut short (the last packet is incomplete): the summary covers the complete packets.").arg(id);
    if (!c.value(QLatin1String("warnings")).toArray().isEmpty())
        return tr("Capture %1 has warnings.").arg(id);
    return {};
}

QString CaptureOverviewText::build(const QJsonObject &c, const QString &hostName, const QJsonArray &ports, const QJsonArray &findings)
{
    const QLocale l;
    const qint64 id = T::integer(c, "id");
    QStringList o;
    const auto line = [&o](const QString &label, const QString &value) { o << QStringLiteral("%1 %2").arg(label, -16).arg(value); };
    o << tr("Capture %1").arg(id);
    line(tr("Source:"), T::text(c, "source"));
    if (!hostName.isEmpty())
        line(tr("Host:"), T::oneLine(hostName));
    QString format = T::text(c, "format");
    if (T::integer(c, "nanosecond"))
        format += tr(", nanosecond timestamps");
    if (T::integer(c, "big_endian"))
        format += tr(", big-endian");
    line(tr("Format:"), tr("%1, %2 read").arg(format, T::bytes(T::integer(c, "input_bytes"))));
    line(tr("Packets:"), tr("%1 (%2 on the wire, %3 captured)")
                             .arg(l.toString(T::integer(c, "packets")), T::bytes(T::integer(c, "wire_bytes")),
                                  T::bytes(T::integer(c, "captured_bytes"))));
    if (T::integer(c, "packets")) {
        line(tr("First packet:"), TimeUtil::isoUtc(T::integer(c, "first_us")));
        line(tr("Last packet:"), TimeUtil::isoUtc(T::integer(c, "last_us")));
        line(tr("Duration:"), T::duration(T::integer(c, "duration_us")));
    }
    for (const QJsonValue &iv : c.value(QLatin1String("interfaces")).toArray()) {
        const QJsonObject i = iv.toObject();
        const QString name = T::text(i, "name");
        line(tr("Interface %1:").arg(T::integer(i, "idx")),
             tr("%1 (link type %2)%3, snap length %4, %5 packets")
                 .arg(T::text(i, "link_name"), QString::number(T::integer(i, "link_type")),
                      name.isEmpty() ? QString() : QStringLiteral(" ") + name, QString::number(T::integer(i, "snap_length")),
                      l.toString(T::integer(i, "packets"))));
    }
    line(tr("IPv4 / IPv6:"), QStringLiteral("%1 / %2").arg(l.toString(T::integer(c, "ipv4_packets")), l.toString(T::integer(c, "ipv6_packets"))));
    line(tr("Protocols:"), tr("TCP %1, UDP %2, ICMP %3, other IP %4, non-IP %5")
                               .arg(l.toString(T::integer(c, "tcp_packets")), l.toString(T::integer(c, "udp_packets")),
                                    l.toString(T::integer(c, "icmp_packets") + T::integer(c, "icmpv6_packets")),
                                    l.toString(T::integer(c, "other_ip_packets")), l.toString(T::integer(c, "non_ip_packets"))));
    if (T::integer(c, "malformed_packets") || T::integer(c, "fragments"))
        line(tr("Damaged:"), tr("%1 malformed packets, %2 fragments")
                                 .arg(T::integer(c, "malformed_packets"))
                                 .arg(T::integer(c, "fragments")));
    line(tr("Conversations:"), l.toString(T::integer(c, "conversations")));
    line(tr("RPC:"), tr("%1 calls, %2 replies%3")
                         .arg(l.toString(T::integer(c, "rpc_calls")), l.toString(T::integer(c, "rpc_replies")),
                              T::integer(c, "rpc_calls_capped") ? tr(" (not every call kept individually)") : QString()));
    QList<QJsonObject> top;
    for (const QJsonValue &pv : ports) {
        const QJsonObject p = pv.toObject();
        if (T::integer(p, "capture_id") == id && T::integer(p, "port") >= 0)
            top.append(p);
    }
    std::stable_sort(top.begin(), top.end(),
                     [](const QJsonObject &a, const QJsonObject &b) { return T::integer(a, "bytes") > T::integer(b, "bytes"); });
    for (int k = 0; k < top.size() && k < 8; ++k) {
        const QJsonObject &p = top[k];
        const QString service = T::service(T::integer(p, "port"), T::text(p, "protocol"));
        line(k == 0 ? tr("Busiest ports:") : QString(),
             tr("%1/%2%3: %4 packets, %5, %6 conversation(s)")
                 .arg(T::integer(p, "port"))
                 .arg(T::text(p, "protocol"), service.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(service),
                      l.toString(T::integer(p, "packets")), T::bytes(T::integer(p, "bytes")))
                 .arg(T::integer(p, "conversations")));
    }
    const QJsonArray warnings = c.value(QLatin1String("warnings")).toArray();
    if (!warnings.isEmpty()) {
        o << QString() << tr("Warnings:");
        for (const QJsonValue &w : warnings)
            o << QStringLiteral("  ! ") + T::oneLine(w.toString());
    }
    QStringList fs;
    for (const QJsonValue &fv : findings) {
        const QJsonObject f = fv.toObject();
        if (T::integer(f, "capture_id") == id)
            fs << QStringLiteral("  [%1] %2").arg(T::text(f, "severity"), T::text(f, "title"));
    }
    if (!fs.isEmpty())
        o << QString() << tr("Findings (see the Findings pane for their evidence):") << fs;
    return o.join(QLatin1Char('\n'));
}
