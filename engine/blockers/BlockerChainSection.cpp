#include "BlockerChainSection.h"

#include "BlockerGraphStore.h"

QList<ReportBlock> BlockerChainSection::blocks(SqliteDatabase &db, const QString &lang)
{
    const bool de = lang == QLatin1String("de");
    QList<ReportBlock> out;
    BlockerGraphStore store(db);
    QStringList items;
    for (qint64 hostId : store.hostsWithRuns()) {
        const std::optional<BlockerRun> run = store.latest(hostId);
        if (!run)
            continue;
        const Finding *top = run->topRootCause();
        if (!top)
            continue;
        items.append(QStringLiteral("%1: %2. %3").arg(run->hostName, top->title,
                                                      top->data.value(QStringLiteral("chain_text")).toString()));
    }
    if (items.isEmpty())
        return out;
    out.append(ReportBlock::paragraph(de ? QStringLiteral("Oberste Blockadekette (wer auf wen wartet, bis zur wahrscheinlichen Ursache):")
                                         : QStringLiteral("Top blocker chain (who waits for whom, down to the likely root cause):")));
    out.append(ReportBlock::bullets(items));
    return out;
}
