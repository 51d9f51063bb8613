// Collector options are declared once (CollectorOptionSet): every declared
// option round-trips casectl argv -> typed values -> argv and JSON, bad values
// give errors naming the flag, capture filters take shell quoting, and the
// PID picker's /proc reader copes with hostile process names.
#include "collectors/CollectorCatalog.h"
#include "collectors/Collector.h"
#include "collectors/options/CaptureFilter.h"
#include "collectors/options/HostCollectOptions.h"
#include "collectors/options/LocalProcessList.h"
#include "collectors/pcap/TcpdumpCollector.h"
#include "TestEnv.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <stdexcept>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
using Type = CollectorOption::Type;

// casectl text for a value of each type that is not the option's default.
QStringList sampleArguments(const CollectorOption &o)
{
    const QString flag = QStringLiteral("--") + o.name;
    switch (o.type) {
    case Type::Flag:
        return {flag};
    case Type::Integer:
        return {flag, QString::number(qint64(o.maximum))};
    case Type::Duration:
        return {flag, o.decimals > 0 ? QStringLiteral("0.5") : QString::number(qint64(o.maximum))};
    case Type::Size:
        return {flag, QStringLiteral("8M")};
    case Type::Text:
        return {flag, QStringLiteral("sleep 5; echo 'it''s' \"$HOME\" )")};
    case Type::NameList:
        return {flag, QStringLiteral("nfs-server.service,autofs@x")};
    case Type::PidList:
        return {flag, QStringLiteral("12,3456")};
    case Type::Interface:
        return {flag, QStringLiteral("lo")};
    case Type::CaptureFilter:
        return {flag, QStringLiteral("(port 2049 or port 111) and not host 10.0.0.1")};
    case Type::PathList:
        return {flag, QStringLiteral("/var/log/kern.log"), flag, QStringLiteral("/tmp/a b)\u202e.txt")};
    case Type::Choice:
        return {flag, o.choices.last()};
    }
    return {};
}

QList<std::pair<QString, CollectorOptionSet>> declarations()
{
    QList<std::pair<QString, CollectorOptionSet>> out;
    for (const CollectorFactory &f : CollectorCatalog::all())
        out.append({f.kind, f.options});
    out.append({QStringLiteral("host"), HostCollectOptions::declaration()});
    return out;
}

CollectorFactory factory(const QString &kind)
{
    for (const CollectorFactory &f : CollectorCatalog::all())
        if (f.kind == kind)
            return f;
    qFatal("no collector %s", qPrintable(kind));
}

// The settings casectl collect's parser gives for args; throws like casectl.
std::optional<CollectorSettings> parseFor(const QString &kind, const QStringList &args, QString *parseError = nullptr)
{
    const QList<CollectorFactory> factories = CollectorCatalog::all();
    QCommandLineParser p;
    CollectorCatalog::addOptions(p, factories);
    HostCollectOptions::declaration().addTo(p);
    if (!p.parse(QStringList{QStringLiteral("casectl")} + args)) {
        if (parseError)
            *parseError = p.errorText();
        return std::nullopt;
    }
    if (kind == QLatin1String("host"))
        return HostCollectOptions::declaration().read(p);
    for (const CollectorFactory &f : factories)
        if (f.kind == kind)
            return f.settings(p);
    return std::nullopt;
}
}

class CollectorOptionsTest : public QObject
{
    Q_OBJECT

private slots:
    void everyOptionRoundTrips()
    {
        int options = 0;
        for (const auto &[kind, set] : declarations()) {
            QVERIFY2(!set.isEmpty(), qPrintable(kind));
            // One option at a time (with what requests the collector), then all at once.
            QStringList all;
            for (const CollectorOption &o : set.all()) {
                const QStringList args = sampleArguments(o);
                QVERIFY2(!args.isEmpty(), qPrintable(o.name));
                all << args;
                QStringList request; // what requests the collector, when o does not
                for (const CollectorOption &r : set.all())
                    if (r.requests && !o.requests)
                        request = sampleArguments(r); // the last: strace's --strace-cmd goes with every other option
                QString error;
                const auto settings = parseFor(kind, request + args, &error);
                QVERIFY2(settings, qPrintable(kind + QStringLiteral(" ") + args.join(QLatin1Char(' ')) + QStringLiteral(": ") + error));
                QCOMPARE(o.arguments(settings->value(o.name)), args);
                // JSON (kept with the collection) gives the same value back.
                const CollectorSettings fromJson = set.fromJson(set.toJson(*settings));
                QCOMPARE(o.arguments(fromJson.value(o.name)), args);
                QCOMPARE(o.check(settings->value(o.name)), QString());
                ++options;
            }
            if (kind == QLatin1String("strace"))
                continue; // --strace-pid and --strace-cmd exclude each other (below)
            const auto settings = parseFor(kind, all);
            QVERIFY2(settings, qPrintable(kind));
            QCOMPARE(set.arguments(*settings), all);
            QCOMPARE(set.arguments(set.fromJson(set.toJson(*settings))), all);
        }
        QCOMPARE(options, 18); // every declared option was exercised
    }

    void defaultsAreLeftOut()
    {
        for (const auto &[kind, set] : declarations()) {
            QVERIFY(set.arguments(set.defaults()).isEmpty());
            QVERIFY(set.toJson(set.defaults()).isEmpty());
        }
        const auto procfs = parseFor(QStringLiteral("procfs"), {QStringLiteral("--procfs"), QStringLiteral("--samples"), QStringLiteral("1")});
        QVERIFY(procfs);
        QCOMPARE(factory(u"procfs"_s).options.arguments(*procfs), QStringList{QStringLiteral("--procfs")});
    }

    void invalidValuesGiveClearErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        auto row = [](const char *name, const char *kind, QStringList args, const char *error) {
            QTest::newRow(name) << QString::fromLatin1(kind) << args << QString::fromUtf8(error);
        };
        const QString procfs = QStringLiteral("--procfs");
        row("samples 0", "procfs", {procfs, u"--samples"_s, u"0"_s}, "--samples takes a number from 1 to 1000");
        row("samples text", "procfs", {procfs, u"--samples"_s, u"two"_s}, "--samples takes a number from 1 to 1000");
        row("interval negative", "procfs", {procfs, u"--interval"_s, u"-1"_s}, "--interval takes seconds from 0 to 3600");
        row("services shell", "procfs", {procfs, u"--services"_s, u"a;reboot"_s}, "--services: names may hold letters");
        row("duration fraction", "strace", {u"--strace-pid"_s, u"1"_s, u"--duration"_s, u"1.5"_s},
            "--duration takes whole seconds from 1 to 86400");
        row("duration unit", "strace", {u"--strace-pid"_s, u"1"_s, u"--duration"_s, u"5 weeks"_s}, "--duration takes whole seconds");
        row("pid shell", "strace", {u"--strace-pid"_s, u"12;rm -rf /"_s}, "--strace-pid takes process ids");
        row("pid zero", "strace", {u"--strace-pid"_s, u"0"_s}, "--strace-pid takes process ids");
        row("pid and cmd", "strace", {u"--strace-pid"_s, u"1"_s, u"--strace-cmd"_s, u"ls"_s}, "not both");
        row("cmd empty", "strace", {u"--strace-cmd"_s, u" "_s}, "--strace-cmd needs a value");
        row("strace max", "strace", {u"--strace-pid"_s, u"1"_s, u"--strace-max-mb"_s, u"0"_s}, "--strace-max-mb takes a number from 1 to 65536");
        row("iface shell", "tcpdump", {u"--tcpdump"_s, u"lo;reboot"_s}, "--tcpdump takes an interface name");
        row("max-bytes small", "tcpdump", {u"--tcpdump"_s, u"lo"_s, u"--max-bytes"_s, u"1K"_s}, "--max-bytes takes a size from 4K to 64G");
        row("max-bytes unit", "tcpdump", {u"--tcpdump"_s, u"lo"_s, u"--max-bytes"_s, u"2T"_s}, "--max-bytes takes a size");
        row("filter dangling or", "tcpdump", {u"--tcpdump"_s, u"lo"_s, u"--filter"_s, u"port 1 or"_s}, "ends with 'or'");
        row("filter open paren", "tcpdump", {u"--tcpdump"_s, u"lo"_s, u"--filter"_s, u"(port 1"_s}, "'(' without its ')'");
        row("filter close paren", "tcpdump", {u"--tcpdump"_s, u"lo"_s, u"--filter"_s, u"port 1)"_s}, "')' without its '('");
        row("filter quote", "tcpdump", {u"--tcpdump"_s, u"lo"_s, u"--filter"_s, u"'port 1"_s}, "unbalanced ' quote");
        row("filter empty quotes", "tcpdump", {u"--tcpdump"_s, u"lo"_s, u"--filter"_s, u"''"_s}, "the capture filter is empty");
        row("filter newline", "tcpdump", {u"--tcpdump"_s, u"lo"_s, u"--filter"_s, u"port 1\nor port 2"_s}, "one line");
        row("filter and or", "tcpdump", {u"--tcpdump"_s, u"lo"_s, u"--filter"_s, u"port 1 and or port 2"_s}, "'or' with nothing before it");
        row("pull relative", "file", {u"--pull"_s, u"etc/passwd"_s}, "--pull needs absolute paths");
        row("pull-max zero", "file", {u"--pull"_s, u"/etc/hostname"_s, u"--pull-max"_s, u"0"_s}, "--pull-max takes a size from 1");
        row("become method", "host", {u"--sudo"_s, u"--become-method"_s, u"pkexec"_s}, "--become-method takes one of sudo, doas");
    }

    void invalidValuesGiveClearErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        try {
            parseFor(kind, args);
            QFAIL("accepted");
        } catch (const std::invalid_argument &e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(error), qPrintable(message));
        }
    }

    void captureFilterTakesShellQuoting_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("filter");
        QTest::newRow("hint") << u"'port 2049 or port 111'"_s << u"port 2049 or port 111"_s;
        QTest::newRow("part") << u"port 2049 or 'port 111'"_s << u"port 2049 or port 111"_s;
        QTest::newRow("double") << u"\"host 10.0.0.1\" and (port 22)"_s << u"host 10.0.0.1 and (port 22)"_s;
        QTest::newRow("backslash stays") << u"ether proto \\ip"_s << u"ether proto \\ip"_s;
        QTest::newRow("operators") << u"tcp[13]&2!=0 && !port 22"_s << u"tcp[13]&2!=0 && !port 22"_s;
        QTest::newRow("spaces") << u"  port   53  "_s << u"port 53"_s;
    }

    void captureFilterTakesShellQuoting()
    {
        QFETCH(QString, typed);
        QFETCH(QString, filter);
        const CaptureFilter f = CaptureFilter::parse(typed);
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        QCOMPARE(f.filter(), filter);
        // What tcpdump gets on the host: the expression as one shell word.
        const auto settings = parseFor(u"tcpdump"_s, {u"--tcpdump"_s, u"lo"_s, u"--filter"_s, typed});
        QVERIFY(settings);
        const CollectorFactory tcpdump = factory(u"tcpdump"_s);
        QCOMPARE(tcpdump.kind, u"tcpdump"_s);
        const auto collector = tcpdump.build(*settings);
        QVERIFY(collector);
        QString quoted = filter;
        quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
        const QString script = static_cast<TcpdumpCollector *>(collector.get())->script();
        QVERIFY2(script.contains(QStringLiteral("-n '%1'").arg(quoted)), qPrintable(script));
        QCOMPARE(collector->recordedOptions().value(u"filter"_s).toString(), filter);
    }

    void collectorsRecordTheirOptions()
    {
        const auto settings = parseFor(u"procfs"_s, {u"--procfs"_s, u"--samples"_s, u"3"_s, u"--interval"_s, u"0.5"_s});
        QVERIFY(settings);
        const CollectorFactory procfs = factory(u"procfs"_s);
        QCOMPARE(procfs.kind, u"procfs"_s);
        const auto collector = procfs.build(*settings);
        QVERIFY(collector);
        const QJsonObject recorded = collector->recordedOptions();
        QCOMPARE(recorded.value(u"samples"_s).toInteger(), 3);
        QCOMPARE(recorded.value(u"interval"_s).toDouble(), 0.5);
        QVERIFY(!recorded.contains(u"services"_s)); // the default is not recorded
        QCOMPARE(procfs.options.arguments(procfs.options.fromJson(recorded)),
                 (QStringList{u"--procfs"_s, u"--samples"_s, u"3"_s, u"--interval"_s, u"0.5"_s}));
        // Hostile JSON (wrong types, unknown names) falls back to the defaults.
        const CollectorSettings hostile = procfs.options.fromJson(
            QJsonObject{{u"samples"_s, u"3; reboot"_s}, {u"interval"_s, QJsonArray{1}}, {u"evil"_s, true}});
        QCOMPARE(procfs.options.arguments(hostile), QStringList());
    }

    void helpListsEveryOptionOnce()
    {
        QCommandLineParser p;
        CollectorCatalog::addOptions(p, CollectorCatalog::all());
        const QString help = p.helpText();
        int checked = 0;
        for (const CollectorFactory &f : CollectorCatalog::all())
            for (const CollectorOption &o : f.options.all()) {
                QCOMPARE(help.count(QRegularExpression(QStringLiteral("^\\s+--%1\\b(?!-)").arg(o.name), QRegularExpression::MultilineOption)), 1);
                ++checked;
            }
        QVERIFY(checked >= 14);
        QVERIFY(help.contains(u"[strace, tcpdump]"_s)); // --duration is shared
        QVERIFY(help.contains(u"default 256M"_s));
    }

    void casectlHelpIsGenerated()
    {
        const CasectlResult r = runCasectl({u"collect"_s, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        const QString help = QString::fromUtf8(r.out);
        int checked = 0;
        for (const CollectorFactory &f : CollectorCatalog::all())
            for (const CollectorOption &o : f.options.all()) {
                const QRegularExpression line(QStringLiteral("^\\s+--%1\\b(?!-)").arg(o.name), QRegularExpression::MultilineOption);
                QVERIFY2(help.count(line) == 1, qPrintable(o.name + u"\n"_s + help));
                ++checked;
            }
        QCOMPARE(checked, 16);
        // A bad value is refused before anything connects, naming the option.
        const CasectlResult bad = runCasectl({u"collect"_s, u"/nonexistent.casebook"_s, u"local"_s, u"--procfs"_s,
                                                       u"--samples"_s, u"0"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--samples takes a number from 1 to 1000"), bad.err.constData());
    }

    void tcpdumpWritesPcapCollections()
    {
        const QList<CollectorFactory> all = CollectorCatalog::all();
        const CollectorFactory *f = CollectorCatalog::forCollectionKind(all, u"pcap"_s);
        QVERIFY(f);
        QCOMPARE(f->kind, u"tcpdump"_s);
        QCOMPARE(CollectorCatalog::forCollectionKind(all, u"procfs"_s)->kind, u"procfs"_s);
        QVERIFY(!CollectorCatalog::forCollectionKind(all, u"no-such"_s));
    }

    void localProcessList()
    {
        const LocalProcess odd = LocalProcessList::parseStat("4242 (a) b (c)) S 1 4242 4242 0 -1");
        QCOMPARE(odd.pid, 4242);
        QCOMPARE(odd.name, u"a) b (c)"_s);
        QCOMPARE(odd.state, QLatin1Char('S'));
        QCOMPARE(odd.ppid, 1);
        QCOMPARE(LocalProcessList::parseStat("garbage").pid, 0);
        QCOMPARE(LocalProcessList::parseStat("12 (x").pid, 0);
        QCOMPARE(LocalProcessList::parseStat("").pid, 0);
        const QList<LocalProcess> all = LocalProcessList::read();
        QVERIFY(!all.isEmpty());
        bool self = false;
        for (const LocalProcess &p : all)
            self = self || p.pid == qint64(::getpid());
        QVERIFY(self);
        CancelToken cancelled;
        cancelled.cancel();
        QVERIFY(LocalProcessList::read(cancelled).isEmpty());
    }
};

QTEST_MAIN(CollectorOptionsTest)
#include "CollectorOptionsTest.moc"
