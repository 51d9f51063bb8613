#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "pcap/PcapImporter.h"
#include "pcap/PcapQuery.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

// casectl pcap CASE [--conversations|--rpc|--silent] [--capture ID] [--json]
// casectl pcap CASE --import FILE [--keep-raw|--no-raw] [--host NAME]
class PcapCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("pcap"); }
    QString summary() const override { return QStringLiteral("Show packet-capture summaries: overview, conversations, RPC, silent peers."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addOption({QStringLiteral("conversations"), QStringLiteral("List conversations (busiest first) with TCP handshake outcome.")});
        p.addOption({QStringLiteral("rpc"), QStringLiteral("ONC RPC: per-procedure counts and latency, registered programs, unanswered calls.")});
        p.addOption({QStringLiteral("silent"), QStringLiteral("Destinations that were sent packets but never answered.")});
        p.addOption({QStringLiteral("capture"), QStringLiteral("Only this capture (pcap_captures id)."), QStringLiteral("ID")});
        p.addOption({QStringLiteral("limit"), QStringLiteral("At most N rows per list (default 50 in text, all in JSON)."), QStringLiteral("N")});
        p.addOption({QStringLiteral("import"), QStringLiteral("Import this pcap/pcapng file first (like casectl import)."), QStringLiteral("FILE")});
        p.addOption({QStringLiteral("keep-raw"), QStringLiteral("With --import: keep the raw capture in the case whatever its size.")});
        p.addOption({QStringLiteral("no-raw"), QStringLiteral("With --import: keep only the summary.")});
        p.addOption({QStringLiteral("host"), QStringLiteral("With --import: attribute the capture to this host."), QStringLiteral("NAME")});
        addJsonOption(p);
    }

    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString casePath = requiredArg(p, 0, QStringLiteral("CASE"));
        const int views = int(p.isSet(QStringLiteral("conversations"))) + int(p.isSet(QStringLiteral("rpc")))
                        + int(p.isSet(QStringLiteral("silent")));
        if (views > 1)
            throw UsageError(QStringLiteral("choose one of --conversations, --rpc, --silent"));
        if (p.isSet(QStringLiteral("keep-raw")) && p.isSet(QStringLiteral("no-raw")))
            throw UsageError(QStringLiteral("--keep-raw and --no-raw exclude each other"));
        qint64 captureId = 0;
        if (p.isSet(QStringLiteral("capture"))) {
            bool ok = false;
            captureId = p.value(QStringLiteral("capture")).toLongLong(&ok);
            if (!ok || captureId <= 0)
                throw UsageError(QStringLiteral("--capture needs a positive id"));
        }
        int limit = ctx.json() ? -1 : 50;
        if (p.isSet(QStringLiteral("limit"))) {
            bool ok = false;
            limit = p.value(QStringLiteral("limit")).toInt(&ok);
            if (!ok || limit <= 0)
                throw UsageError(QStringLiteral("--limit needs a positive number"));
        }

        const bool importing = p.isSet(QStringLiteral("import"));
        auto cf = CaseFile::open(casePath, importing ? CaseFile::Access::ReadWrite : CaseFile::Access::ReadOnly);
        if (importing) {
            PcapImporter imp;
            imp.setKeepRaw(p.isSet(QStringLiteral("keep-raw")) ? PcapImporter::KeepRaw::Always
                           : p.isSet(QStringLiteral("no-raw")) ? PcapImporter::KeepRaw::Never : PcapImporter::KeepRaw::Auto);
            ImportRequest req;
            req.caseFile = cf.get();
            req.paths = {p.value(QStringLiteral("import"))};
            if (p.isSet(QStringLiteral("host")))
                req.hostId = HostStore(cf->db()).ensure(p.value(QStringLiteral("host")));
            const ImportResult r = imp.import(req, CancelToken());
            for (const QString &w : r.warnings)
                ctx.warning(w);
            if (!r.ok) {
                ctx.error(r.error);
                return ExitFailure;
            }
            if (!captureId) {
                const QJsonArray caps = r.summary.value(QStringLiteral("captures")).toArray();
                if (!caps.isEmpty())
                    captureId = caps.last().toObject().value(QStringLiteral("capture_id")).toInteger();
            }
        }

        if (cf->schemaVersion() < 4) { // an older case opened read-only: no capture tables yet
            if (ctx.json())
                ctx.printJson(QJsonObject{{QStringLiteral("captures"), QJsonArray()}});
            else
                ctx.out() << "No packet captures in this case.\n";
            return ExitOk;
        }
        PcapQuery q(cf->db());
        if (p.isSet(QStringLiteral("conversations")))
            return showConversations(q, captureId, limit, ctx);
        if (p.isSet(QStringLiteral("rpc")))
            return showRpc(q, captureId, limit, ctx);
        if (p.isSet(QStringLiteral("silent")))
            return showSilent(q, captureId, limit, ctx);
        return showOverview(*cf, q, captureId, ctx);
    }

private:
    static QString s(const QJsonObject &o, const char *key) { return CliContext::safe(o.value(QLatin1String(key)).toVariant().toString()); }
    static qint64 n(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toInteger(); }
    static QString secs(qint64 us) { return QString::number(double(us) / 1e6, 'f', 6); }
    static QString ms(const QJsonValue &v) { return v.isNull() ? QStringLiteral("-") : QString::number(double(v.toInteger()) / 1000.0, 'f', 3); }

    int showOverview(CaseFile &cf, PcapQuery &q, qint64 captureId, CliContext &ctx)
    {
        const QJsonArray caps = q.captures(captureId);
        if (ctx.json()) {
            QJsonArray out;
            for (const QJsonValue &v : caps) {
                QJsonObject c = v.toObject();
                QJsonArray fs;
                for (const Finding &f : FindingStore(cf.db()).list()) {
                    if (f.data.value(QStringLiteral("capture_id")).toInteger() != n(c, "id"))
                        continue;
                    fs.append(QJsonObject{{QStringLiteral("id"), f.id}, {QStringLiteral("kind"), f.kind},
                                          {QStringLiteral("severity"), f.severity}, {QStringLiteral("title"), f.title}});
                }
                c.insert(QStringLiteral("findings"), fs);
                out.append(c);
            }
            ctx.printJson(QJsonObject{{QStringLiteral("captures"), out}});
            return ExitOk;
        }
        QTextStream &o = ctx.out();
        if (caps.isEmpty()) {
            o << "No packet captures in this case.\n";
            return captureId ? ExitFailure : ExitOk;
        }
        const QList<Finding> findings = FindingStore(cf.db()).list();
        for (const QJsonValue &v : caps) {
            const QJsonObject c = v.toObject();
            o << "Capture " << n(c, "id") << ": " << s(c, "source") << '\n'
              << "  Format:        " << s(c, "format") << (n(c, "nanosecond") ? " (nanosecond)" : "")
              << (n(c, "big_endian") ? ", big-endian" : "") << ", " << n(c, "input_bytes") << " bytes read\n"
              << "  Packets:       " << n(c, "packets") << "  (" << n(c, "wire_bytes") << " bytes on the wire, "
              << n(c, "captured_bytes") << " captured)\n";
            if (n(c, "packets"))
                o << "  First packet:  " << TimeUtil::isoUtc(n(c, "first_us")) << '\n'
                  << "  Last packet:   " << TimeUtil::isoUtc(n(c, "last_us")) << '\n'
                  << "  Duration:      " << secs(n(c, "duration_us")) << " s\n";
            for (const QJsonValue &iv : c.value(QStringLiteral("interfaces")).toArray()) {
                const QJsonObject i = iv.toObject();
                o << "  Interface " << n(i, "idx") << ":   " << s(i, "link_name") << " (linktype " << n(i, "link_type") << ")"
                  << (s(i, "name").isEmpty() ? QString() : QStringLiteral(" ") + s(i, "name")) << ", snaplen "
                  << n(i, "snap_length") << ", " << n(i, "packets") << " packets\n";
            }
            o << "  IPv4/IPv6:     " << n(c, "ipv4_packets") << " / " << n(c, "ipv6_packets") << "   TCP " << n(c, "tcp_packets")
              << "  UDP " << n(c, "udp_packets") << "  ICMP " << n(c, "icmp_packets") + n(c, "icmpv6_packets")
              << "  other " << n(c, "other_ip_packets") << "  non-IP " << n(c, "non_ip_packets") << '\n'
              << "  Conversations: " << n(c, "conversations") << "   RPC calls " << n(c, "rpc_calls") << ", replies "
              << n(c, "rpc_replies") << '\n';
            // Busiest service ports (the responder's port of each conversation).
            QList<QJsonObject> ports;
            for (const QJsonValue &pv : q.ports(n(c, "id")))
                if (pv.toObject().value(QStringLiteral("port")).toInteger() >= 0)
                    ports.append(pv.toObject());
            std::sort(ports.begin(), ports.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(QStringLiteral("bytes")).toInteger() > b.value(QStringLiteral("bytes")).toInteger();
            });
            if (!ports.isEmpty()) {
                o << "  Top ports:    ";
                for (int k = 0; k < ports.size() && k < 6; ++k)
                    o << ' ' << n(ports[k], "port") << '/' << s(ports[k], "protocol") << " (" << n(ports[k], "packets") << " pkts, "
                      << n(ports[k], "conversations") << " conv)";
                o << '\n';
            }
            for (const QJsonValue &w : c.value(QStringLiteral("warnings")).toArray())
                o << "  WARNING: " << CliContext::safe(w.toString()) << '\n';
            for (const Finding &f : findings)
                if (f.data.value(QStringLiteral("capture_id")).toInteger() == n(c, "id"))
                    o << "  Finding [" << f.severity << "] " << CliContext::safe(f.title) << '\n';
        }
        return ExitOk;
    }

    int showConversations(PcapQuery &q, qint64 captureId, int limit, CliContext &ctx)
    {
        const QJsonArray rows = q.conversations(captureId, limit);
        if (ctx.json()) {
            ctx.printJson(QJsonObject{{QStringLiteral("conversations"), rows},
                                      {QStringLiteral("endpoints"), q.endpoints(captureId)},
                                      {QStringLiteral("ports"), q.ports(captureId)}});
            return ExitOk;
        }
        QTextStream &o = ctx.out();
        o << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8  %9\n").arg(QStringLiteral("proto"), -6).arg(QStringLiteral("A"), -28)
                 .arg(QStringLiteral("B"), -28).arg(QStringLiteral("pkts A>B"), 9).arg(QStringLiteral("bytes A>B"), 11)
                 .arg(QStringLiteral("pkts B>A"), 9).arg(QStringLiteral("bytes B>A"), 11).arg(QStringLiteral("duration"), 10)
                 .arg(QStringLiteral("TCP"));
        for (const QJsonValue &v : rows) {
            const QJsonObject c = v.toObject();
            const auto ep = [&](const char *a, const char *pt) {
                return n(c, "ip_version") == 6 ? QStringLiteral("[%1]:%2").arg(s(c, a)).arg(n(c, pt))
                                               : QStringLiteral("%1:%2").arg(s(c, a)).arg(n(c, pt));
            };
            QString tcp = s(c, "handshake");
            if (n(c, "syn_count") > 1)
                tcp += QStringLiteral(" syn x%1").arg(n(c, "syn_count"));
            if (n(c, "rst_ab") + n(c, "rst_ba"))
                tcp += QStringLiteral(" rst %1/%2").arg(n(c, "rst_ab")).arg(n(c, "rst_ba"));
            if (n(c, "fin_ab") + n(c, "fin_ba"))
                tcp += QStringLiteral(" fin %1/%2").arg(n(c, "fin_ab")).arg(n(c, "fin_ba"));
            if (n(c, "retransmissions"))
                tcp += QStringLiteral(" retrans %1").arg(n(c, "retransmissions"));
            if (n(c, "zero_window"))
                tcp += QStringLiteral(" zero-window %1").arg(n(c, "zero_window"));
            if (n(c, "icmp_unreachable"))
                tcp += QStringLiteral(" icmp-unreachable %1").arg(n(c, "icmp_unreachable"));
            if (n(c, "rpc"))
                tcp += QStringLiteral(" rpc");
            o << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8  %9\n").arg(s(c, "protocol"), -6).arg(ep("addr_a", "port_a"), -28)
                     .arg(ep("addr_b", "port_b"), -28).arg(n(c, "packets_ab"), 9).arg(n(c, "bytes_ab"), 11)
                     .arg(n(c, "packets_ba"), 9).arg(n(c, "bytes_ba"), 11).arg(secs(n(c, "last_us") - n(c, "first_us")), 10)
                     .arg(tcp.trimmed());
        }
        return ExitOk;
    }

    int showRpc(PcapQuery &q, qint64 captureId, int limit, CliContext &ctx)
    {
        const QJsonArray procs = q.rpcProcedures(captureId);
        const QJsonArray regs = q.rpcRegistrations(captureId);
        const QJsonArray unanswered = q.rpcCalls(captureId, true, limit);
        if (ctx.json()) {
            ctx.printJson(QJsonObject{{QStringLiteral("procedures"), procs}, {QStringLiteral("registrations"), regs},
                                      {QStringLiteral("unanswered"), unanswered},
                                      {QStringLiteral("calls"), q.rpcCalls(captureId, false, limit)}});
            return ExitOk;
        }
        QTextStream &o = ctx.out();
        o << "RPC procedures:\n"
          << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9\n").arg(QStringLiteral("program"), -18).arg(QStringLiteral("procedure"), -24)
                 .arg(QStringLiteral("via"), -7).arg(QStringLiteral("calls"), 8).arg(QStringLiteral("replies"), 8)
                 .arg(QStringLiteral("unanswered"), 10).arg(QStringLiteral("errors"), 7).arg(QStringLiteral("avg ms"), 9)
                 .arg(QStringLiteral("max ms"), 9);
        for (const QJsonValue &v : procs) {
            const QJsonObject r = v.toObject();
            o << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                     .arg(QStringLiteral("%1 v%2").arg(s(r, "program_name")).arg(n(r, "version")), -18)
                     .arg(s(r, "procedure_name"), -24).arg(s(r, "transport"), -7).arg(n(r, "calls"), 8).arg(n(r, "replies"), 8)
                     .arg(n(r, "unanswered"), 10).arg(n(r, "errors"), 7).arg(ms(r.value(QStringLiteral("latency_avg_us"))), 9)
                     .arg(ms(r.value(QStringLiteral("latency_max_us"))), 9);
        }
        o << "Registered programs (from portmapper/rpcbind replies):\n";
        if (regs.isEmpty())
            o << "  none seen\n";
        for (const QJsonValue &v : regs) {
            const QJsonObject r = v.toObject();
            o << "  " << s(r, "server") << "  " << s(r, "program_name") << " (" << n(r, "program") << ") v" << n(r, "version")
              << ' ' << s(r, "protocol") << ' ' << (n(r, "port") ? QStringLiteral("port %1").arg(n(r, "port")) : QStringLiteral("NOT REGISTERED"))
              << "  [" << s(r, "source") << "]\n";
        }
        o << "Unanswered calls:\n";
        if (unanswered.isEmpty())
            o << "  none\n";
        for (const QJsonValue &v : unanswered) {
            const QJsonObject r = v.toObject();
            o << "  " << TimeUtil::isoUtc(n(r, "call_us")) << "  " << s(r, "client") << " -> " << s(r, "server") << "  "
              << s(r, "program_name") << " v" << n(r, "version") << ' ' << s(r, "procedure_name") << "  xid 0x"
              << QString::number(n(r, "xid"), 16) << (n(r, "retransmits") ? QStringLiteral("  (%1 retransmits)").arg(n(r, "retransmits")) : QString())
              << '\n';
        }
        return ExitOk;
    }

    int showSilent(PcapQuery &q, qint64 captureId, int limit, CliContext &ctx)
    {
        QJsonArray rows = q.silentPeers(captureId);
        while (limit > 0 && rows.size() > limit)
            rows.removeLast();
        if (ctx.json()) {
            ctx.printJson(QJsonObject{{QStringLiteral("silent_peers"), rows}});
            return ExitOk;
        }
        QTextStream &o = ctx.out();
        if (rows.isEmpty())
            o << "Every destination answered.\n";
        for (const QJsonValue &v : rows) {
            const QJsonObject r = v.toObject();
            o << s(r, "address") << " port " << n(r, "port") << '/' << s(r, "protocol") << ": " << n(r, "packets")
              << " packets in " << n(r, "conversations") << " conversation(s), never answered";
            if (s(r, "protocol") == QLatin1String("tcp"))
                o << " (" << n(r, "syn_count") << " SYNs)";
            o << ", first " << TimeUtil::isoUtc(n(r, "first_us")) << '\n';
        }
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(PcapCommand)
