// Large byte texts are redacted a block of whole lines at a time
// (Redactor::redactBytes, for memory and speed). The result must be the one
// of redacting the text whole: checked against a redactor given a user
// pattern that matches nothing (which makes it take the text whole), on
// several MB of log lines holding every kind of identifying value, with
// values on the lines around each block boundary.
#include "sharing/PseudonymMap.h"
#include "sharing/Redactor.h"

#include <QTest>

class RedactionBlocksTest : public QObject
{
    Q_OBJECT

    static QByteArray text(qsizetype bytes)
    {
        QByteArray t;
        for (int i = 0; t.size() < bytes; ++i) {
            t += "[" + QByteArray::number(927063 + i) + ".519245] lockd: server 10.1.84." + QByteArray::number(i % 250 + 1)
                + " not responding, still trying (web-node-12, uid alice)\n";
            switch (i % 9) {
            case 0: t += "sshd[812]: Accepted publickey for bob from 2a02:8071:4:" + QByteArray::number(i % 97, 16) + "::1 port 51514\n"; break;
            case 1: t += "postfix: to=<carol" + QByteArray::number(i % 13) + "@mail.example.net>, relay=db-prod-07.corp.example.com\n"; break;
            case 2: t += "sl  local_address rem_address\n   0: 0100007F:1F90 " + QByteArray::number(0x0A0154C0 + i % 50, 16).toUpper().rightJustified(8, '0') + ":0016 01\n"; break;
            case 3: t += "sshd: Server host key: ssh-ed25519 SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s\n"; break;
            case 4: t += "authorized_keys: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl dave@laptop\n"; break;
            case 5: t += "eth0: link up, lladdr 52:54:00:12:34:" + QByteArray::number(i % 256, 16).rightJustified(2, '0') + " fe80::5054:ff:fe12:3456\n"; break;
            case 6: t += "nfs: server fs-backup-3.lan.example.org not responding, timed out; ::ffff:10.1.84.9 a:b\n"; break;
            default: t += "php-fpm[14437]: flock(11, LOCK_EX) blocked in flock_lock_inode_wait 12:34:56\n"; break;
            }
        }
        return t;
    }

    static QByteArray redact(const QByteArray &in, bool whole, const QString &profile)
    {
        PseudonymMap map;
        Redactor::Options o;
        o.profile = profile;
        o.terms = {QStringLiteral("alice")};
        if (whole)
            o.patterns = {QStringLiteral("no-such-text-\\d{40}")};
        Redactor r(map, o);
        r.addHost(QStringLiteral("web-node-12"));
        r.addHost(QStringLiteral("db-prod-07.corp.example.com"));
        r.addUser(QStringLiteral("bob"));
        return r.redactBytes(in);
    }

private slots:
    void blocksGiveTheWholeTextsResult_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::newRow("standard") << QStringLiteral("standard");
        QTest::newRow("strict") << QStringLiteral("strict");
    }

    void blocksGiveTheWholeTextsResult()
    {
        QFETCH(QString, profile);
        const QByteArray in = text(3 * Redactor::kBlockBytes + 12345);
        const QByteArray blocks = redact(in, false, profile);
        const QByteArray whole = redact(in, true, profile);
        QVERIFY(blocks != in);
        QCOMPARE(blocks.count('\n'), in.count('\n'));
        for (const char *gone : {"web-node-12", "alice", "10.1.84.", "db-prod-07", "2a02:8071:", "carol", "AAAAC3Nz", "uNiVztks"})
            QVERIFY2(!blocks.contains(gone), gone);
        if (blocks != whole) {
            qsizetype at = 0;
            while (at < blocks.size() && at < whole.size() && blocks[at] == whole[at])
                ++at;
            QFAIL(qPrintable(QStringLiteral("differs at byte %1: %2 | %3").arg(at)
                                 .arg(QString::fromLatin1(blocks.mid(qMax<qsizetype>(0, at - 60), 120)),
                                      QString::fromLatin1(whole.mid(qMax<qsizetype>(0, at - 60), 120)))));
        }
    }
};

QTEST_GUILESS_MAIN(RedactionBlocksTest)
#include "RedactionBlocksTest.moc"
