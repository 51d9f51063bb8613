// Sha256 (SHA extensions when the CPU has them, portable otherwise) against
// QCryptographicHash on the same bytes, fed in every way.
#include "Requirement.h"
#include "util/FileHasher.h"
#include "util/Sha256.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

class Sha256Test : public QObject
{
    Q_OBJECT

    static QByteArray reference(const QByteArray &d) { return QCryptographicHash::hash(d, QCryptographicHash::Sha256); }

    void compareAll()
    {
        QCOMPARE(Sha256::hash("").toHex(), QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(Sha256::hash("abc").toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QRandomGenerator rng(20261121);
        // Every length around the block and padding boundaries.
        for (int len = 0; len <= 300; ++len) {
            QByteArray d(len, Qt::Uninitialized);
            for (char &c : d)
                c = char(rng.bounded(256));
            QCOMPARE(Sha256::hash(d), reference(d));
        }
        // Fed in random pieces, including empty ones.
        QByteArray big(3 * 1024 * 1024 + 77, Qt::Uninitialized);
        for (char &c : big)
            c = char(rng.bounded(256));
        for (int round = 0; round < 5; ++round) {
            Sha256 h;
            qsizetype at = 0;
            while (at < big.size()) {
                const qsizetype n = std::min<qsizetype>(big.size() - at, rng.bounded(round < 2 ? 130 : 200000));
                h.addData(QByteArrayView(big).mid(at, n));
                at += n;
            }
            QCOMPARE(h.result(), reference(big));
        }
        Sha256 reused;
        reused.addData("first");
        reused.result();
        reused.reset();
        reused.addData("abc");
        QCOMPARE(reused.hexResult(), QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

private slots:
    void portable()
    {
        QVERIFY(Sha256::setAccelerated(false));
        QVERIFY(!Sha256::accelerated());
        compareAll();
    }

    void fileHasher()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray data(20 * 1024 * 1024 + 13, Qt::Uninitialized); // several read blocks
        QRandomGenerator rng(7);
        for (char &c : data)
            c = char(rng.bounded(256));
        const QString path = dir.filePath(QStringLiteral("f.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        FileHasher h(path);
        QCOMPARE(h.result(), QString::fromLatin1(reference(data).toHex()));
        QCOMPARE(h.bytes(), qint64(data.size()));
        QVERIFY(!h.changed());
        QVERIFY(h.error().isEmpty());

        FileHasher missing(dir.filePath(QStringLiteral("nope")));
        QVERIFY(missing.result().isEmpty());
        QVERIFY(!missing.error().isEmpty());

        { FileHasher abandoned(path); } // stops and joins, never hangs
    }

    void shaExtensions()
    {
        if (!Sha256::setAccelerated(true))
            CASEBOOK_SKIP_LIMITATION(QStringLiteral("this CPU has no SHA extensions (the portable code was tested)"));
        QVERIFY(Sha256::accelerated());
        compareAll();
    }
};

QTEST_GUILESS_MAIN(Sha256Test)
#include "Sha256Test.moc"
