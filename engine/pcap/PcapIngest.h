#pragma once

#include "CaptureSummarizer.h"
#include "util/Sha256.h"

#include <QByteArrayView>
#include <QString>
#include <memory>

class ArtifactWriter;
class SqliteDatabase;

// The one pipeline behind `casectl import` and the tcpdump collector: bytes
// arrive (file blocks or a live tcpdump stream), go verbatim into an artifact
// when the raw capture is kept, and through the streaming summarizer; finish()
// stores the summary and the findings.
class PcapIngest
{
public:
    struct Options
    {
        qint64 collectionId = 0;
        qint64 hostId = 0;
        QString source;        // file path or the tcpdump command
        bool keepRaw = false;  // store the capture bytes as an artifact
        // Hash the bytes fed when they are not kept (sourceSha256). Off when
        // the caller hashes the source itself (PcapImporter: FileHasher on
        // its own thread, overlapping the summary and the store).
        bool hashSource = true;
        QString artifactName;  // e.g. the file name
    };

    PcapIngest(SqliteDatabase &db, const Options &options);
    ~PcapIngest();
    PcapIngest(const PcapIngest &) = delete;
    PcapIngest &operator=(const PcapIngest &) = delete;

    void feed(QByteArrayView data);
    // Stores summary + findings; returns the pcap_captures id.
    qint64 finish(bool rawTruncated = false);

    const CaptureSummarizer &summarizer() const { return *m_summarizer; }
    qint64 artifactId() const;
    QString artifactSha256() const { return m_sha256; }
    // SHA-256 of every byte fed, kept or not (hex; set by finish()).
    QString sourceSha256() const { return m_sourceSha256; }
    int findings() const { return m_findings; }
    qint64 bytes() const { return m_bytes; }

private:
    SqliteDatabase &m_db;
    Options m_options;
    std::unique_ptr<CaptureSummarizer> m_summarizer;
    std::unique_ptr<ArtifactWriter> m_artifact;
    QString m_sha256;
    QString m_sourceSha256;
    Sha256 m_sourceHash; // used when the raw bytes are not kept
    int m_findings = 0;
    qint64 m_bytes = 0;
};
