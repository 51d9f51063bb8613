#include "ImporterCatalog.h"
#include "casefile/OpenCaseRegistry.h"
#include "pcap/PcapImporter.h"
#include "strace/StraceImporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

Importer::~Importer() = default;

namespace ImporterCatalog {

std::vector<std::unique_ptr<Importer>> all()
{
    std::vector<std::unique_ptr<Importer>> list;
    // list.push_back(std::make_unique<StraceImporter>()); one line per importer.
    list.push_back(std::make_unique<PcapImporter>());
    list.push_back(std::make_unique<StraceImporter>());
    return list;
}

std::unique_ptr<Importer> byKind(const QString &kind)
{
    for (auto &imp : all())
        if (imp->kind() == kind)
            return std::move(imp);
    return nullptr;
}

std::unique_ptr<Importer> detect(const QString &path)
{
    QString file = path;
    if (QFileInfo(path).isDir()) {
        const QStringList entries = QDir(path).entryList(QDir::Files, QDir::Name);
        if (entries.isEmpty())
            return nullptr;
        file = QDir(path).filePath(entries.first());
    }
    if (OpenCaseRegistry::holds(file))
        return nullptr; // never read through a second descriptor (see OpenCaseRegistry)
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    const QByteArray head = f.read(64 * 1024);
    for (auto &imp : all())
        if (imp->recognises(head, QFileInfo(file).fileName()))
            return std::move(imp);
    return nullptr;
}

}
