#pragma once

#include "importers/Importer.h"

// Imports pcap/pcapng files: streams them (memory-mapped, in large slices)
// through PcapIngest. The raw capture is kept as a hashed artifact when asked
// (KeepRaw::Always) or when small (Auto: up to kAutoKeepBytes); the summary is
// always stored.
class PcapImporter : public Importer
{
public:
    enum class KeepRaw { Auto, Always, Never };
    static constexpr qint64 kAutoKeepBytes = 64LL << 20;

    QString kind() const override { return QStringLiteral("pcap"); }
    bool recognises(QByteArrayView head, const QString &fileName) const override;
    ImportResult import(const ImportRequest &request, const CancelToken &cancel) override;

    void setKeepRaw(KeepRaw keep) { m_keep = keep; }

private:
    KeepRaw m_keep = KeepRaw::Auto;
};
