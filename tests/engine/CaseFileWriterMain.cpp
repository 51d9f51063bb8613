// Test helper: writes evidence into a case file as fast as it can, forever,
// printing "complete N" after each collection it finishes. test_crash_safety
// kills it with SIGKILL at arbitrary moments.
#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "util/CaseError.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    try {
        auto cf = CaseFile::open(QString::fromLocal8Bit(argv[1]), CaseFile::Access::ReadWrite);
        const qint64 host = HostStore(cf->db()).ensure(QStringLiteral("local"));
        CollectionStore collections(cf->db());
        for (int n = 0;; ++n) {
            const qint64 col = collections.begin(host, QStringLiteral("procfs"), QStringLiteral("writer %1").arg(n));
            for (int a = 0; a < 3; ++a) {
                ArtifactWriter w(cf->db(), {col, host, QStringLiteral("file"), QStringLiteral("part-%1").arg(a), {}}, 8192);
                for (int i = 0; i < 40; ++i)
                    w.append(QByteArray(1000 + (n * 7 + i) % 500, char('a' + (i % 26))));
                w.finish();
            }
            collections.finish(col, CollectionRecord::Status::Complete);
            std::printf("complete %lld\n", static_cast<long long>(col));
            std::fflush(stdout);
        }
    } catch (const CaseError &e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message()));
        return 1;
    }
}
