#pragma once

#include "ReportDocument.h"

class SqliteDatabase;

// Drafts an incident report from what the case holds: case metadata, status
// updates, markers, findings, chosen events, notes tagged by section
// (summary, impact, detection, root-cause, trigger, resolution, action-item,
// lessons-learned, timeline), action items, and the evidence appendix (hosts
// with host-key fingerprints, artifacts with SHA-256, collections, audit log).
// A section without material holds a prompt, never invented text.
class ReportBuilder
{
public:
    explicit ReportBuilder(SqliteDatabase &db) : m_db(db) {}

    ReportDocument build(const QString &lang = QStringLiteral("en"));

    // Report times: "2016-03-28 14:03:00 UTC" (seconds; empty for 0).
    static QString formatTime(qint64 us);
    // Note tags that feed each section.
    static QStringList tagsFor(const QString &sectionId);

private:
    SqliteDatabase &m_db;
};
