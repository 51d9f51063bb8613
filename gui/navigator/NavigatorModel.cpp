#include "NavigatorModel.h"

#include "casefile/ArtifactReader.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "casefile/NoteStore.h"
#include "util/TimeUtil.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

namespace {
QStandardItem *makeItem(const QString &text, const QString &kind, qint64 id, QStyle::StandardPixmap icon)
{
    auto *item = new QStandardItem(QApplication::style()->standardIcon(icon), text);
    item->setEditable(false);
    item->setData(kind, NavigatorModel::KindRole);
    item->setData(id, NavigatorModel::IdRole);
    return item;
}
}

NavigatorModel::NavigatorModel(QObject *parent) : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({tr("Case")});
}

void NavigatorModel::clearCase()
{
    removeRows(0, rowCount());
}

NavigatorModel::Data NavigatorModel::read(CaseFile &caseFile)
{
    auto &db = caseFile.db();
    return Data{ArtifactReader(db).list(), CollectionStore(db).all(), HostStore(db).all(), NoteStore(db).all()};
}

void NavigatorModel::load(const Data &data)
{
    clearCase();
    QHash<qint64, QList<ArtifactInfo>> artifactsByCollection;
    for (const ArtifactInfo &a : data.artifacts)
        artifactsByCollection[a.collectionId].append(a);

    auto addCollection = [&](QStandardItem *parent, const CollectionRecord &c, const QString &hostName) {
        const QString status = CollectionRecord::statusName(c.status);
        auto *ci = makeItem(tr("%1 · %2 · %3").arg(c.kind, TimeUtil::isoUtc(c.startedUs), status), QStringLiteral("collection"),
                            c.id, c.status == CollectionRecord::Status::Complete ? QStyle::SP_DirClosedIcon
                                                                                  : QStyle::SP_MessageBoxWarning);
        ci->setData(hostName, HostNameRole);
        ci->setData(c.kind, CollectionKindRole);
        ci->setToolTip(tr("Command: %1\nOperator: %2\nTool: %3%4")
                           .arg(c.command, c.operatorName, c.tool,
                                c.error.isEmpty() ? QString() : tr("\nError: %1").arg(c.error)));
        for (const ArtifactInfo &a : artifactsByCollection.value(c.id)) {
            QString label = tr("%1 (%2 bytes)").arg(a.name, QLocale().toString(a.size));
            if (a.truncated)
                label += tr(" [truncated]");
            if (!a.complete)
                label += tr(" [incomplete]");
            auto *ai = makeItem(label, QStringLiteral("artifact"), a.id, QStyle::SP_FileIcon);
            ai->setToolTip(tr("%1\nSHA-256 %2\nfrom %3").arg(a.kind, a.sha256, a.sourcePath));
            ai->setData(hostName, HostNameRole);
            ci->appendRow(ai);
        }
        parent->appendRow(ci);
    };

    const QList<CollectionRecord> &collections = data.collections;
    auto *hostsItem = makeItem(tr("Hosts"), QStringLiteral("group"), 0, QStyle::SP_ComputerIcon);
    for (const HostRecord &h : data.hosts) {
        auto *hi = makeItem(h.name, QStringLiteral("host"), h.id, QStyle::SP_ComputerIcon);
        hi->setData(h.name, HostNameRole);
        QStringList tip;
        if (!h.address.isEmpty())
            tip << tr("Address: %1").arg(h.address);
        if (!h.kernel.isEmpty())
            tip << tr("Kernel: %1").arg(h.kernel);
        if (!h.hostkeySha256.isEmpty())
            tip << tr("Host key: %1 %2").arg(h.hostkeyType, h.hostkeySha256);
        hi->setToolTip(tip.join(QLatin1Char('\n')));
        for (const CollectionRecord &c : collections)
            if (c.hostId == h.id)
                addCollection(hi, c, h.name);
        hostsItem->appendRow(hi);
    }
    appendRow(hostsItem);

    auto *imports = makeItem(tr("Imports without a host"), QStringLiteral("group"), 0, QStyle::SP_DirIcon);
    for (const CollectionRecord &c : collections)
        if (c.hostId == 0)
            addCollection(imports, c, QString());
    if (imports->hasChildren())
        appendRow(imports);
    else
        delete imports;

    auto *notes = makeItem(tr("Notes"), QStringLiteral("group"), 0, QStyle::SP_FileDialogDetailedView);
    for (const Note &n : data.notes) {
        const QString title = n.title.isEmpty() ? tr("(untitled note %1)").arg(n.id) : n.title;
        auto *ni = makeItem(n.tags.isEmpty() ? title : tr("%1  [%2]").arg(title, n.tags.join(QStringLiteral(", "))),
                            QStringLiteral("note"), n.id, QStyle::SP_FileDialogContentsView);
        notes->appendRow(ni);
    }
    appendRow(notes);
}

QModelIndex NavigatorModel::find(const QString &kind, qint64 id) const
{
    const QModelIndexList hits = match(index(0, 0), IdRole, id, -1, Qt::MatchRecursive | Qt::MatchExactly);
    for (const QModelIndex &i : hits)
        if (i.data(KindRole).toString() == kind)
            return i;
    return {};
}
