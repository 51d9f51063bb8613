#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A report draft as structure, independent of the output format. All text in
// it is plain text (possibly from untrusted evidence); writers escape it.
struct ReportBlock
{
    enum class Kind { Paragraph, Prompt, Bullets, Table, Preformatted };
    Kind kind = Kind::Paragraph;
    QString text;             // Paragraph, Prompt, Preformatted
    QStringList items;        // Bullets
    QStringList header;       // Table
    QList<QStringList> rows;  // Table
    bool authored = false;    // Paragraph written by the user in Markdown (a note): Markdown output keeps it as is

    static ReportBlock paragraph(const QString &text) { return {Kind::Paragraph, text, {}, {}, {}, false}; }
    static ReportBlock authoredText(const QString &text) { return {Kind::Paragraph, text, {}, {}, {}, true}; }
    static ReportBlock prompt(const QString &text) { return {Kind::Prompt, text, {}, {}, {}, false}; }
    static ReportBlock bullets(const QStringList &items) { return {Kind::Bullets, {}, items, {}, {}, false}; }
    static ReportBlock table(const QStringList &header, const QList<QStringList> &rows) { return {Kind::Table, {}, {}, header, rows, false}; }
    static ReportBlock preformatted(const QString &text) { return {Kind::Preformatted, text, {}, {}, {}, false}; }
};

struct ReportSection
{
    QString id;      // status, summary, impact, detection, timeline, status-updates, root-cause, trigger,
                     // resolution, action-items, lessons-learned, evidence
    QString heading;
    int level = 2;   // 2 = section, 3 = sub-section
    QList<ReportBlock> blocks;
    bool hasMaterial = false; // false: only a prompt, nothing from the case
};

struct ReportDocument
{
    QString lang;    // en, de
    QString title;
    QString subtitle; // "Incident report" / "Vorfallbericht"
    QList<ReportSection> sections;

    const ReportSection *section(const QString &id) const
    {
        for (const ReportSection &s : sections)
            if (s.id == id)
                return &s;
        return nullptr;
    }
};
