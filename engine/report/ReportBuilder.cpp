#include "ReportBuilder.h"

#include "ActionItemStore.h"
#include "blockers/BlockerChainSection.h"
#include "NoteMarkdown.h"
#include "RepeatedEventGrouper.h"
#include "ReportLinkText.h"
#include "ReportStrings.h"
#include "ReportText.h"
#include "StatusUpdateStore.h"
#include "casefile/ArtifactReader.h"
#include "casefile/AuditHead.h"
#include "casefile/AuditLog.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "casefile/NoteStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/CaseError.h"
#include "util/HumanDuration.h"
#include "util/TimeUtil.h"

#include <QHash>
#include <algorithm>

namespace {
using S = ReportStrings;

using TimedItem = ReportTimelineItem;

QString oneLine(const QString &s)
{
    QString t = s;
    t.replace(QLatin1String("\r\n"), QLatin1String(" "));
    t.replace(QLatin1Char('\n'), QLatin1Char(' '));
    t.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return t.trimmed();
}

bool hasTag(const Note &n, const QStringList &tags)
{
    for (const QString &t : n.tags)
        if (tags.contains(t.trimmed().toLower()))
            return true;
    return false;
}

// A note as Markdown: its title in bold, then its body, evidence links
// written out as references a reader understands.
QString noteMarkdown(const Note &n, const ReportLinkText &links)
{
    const QString title = n.title.trimmed(), body = links.resolve(n.body.trimmed());
    if (title.isEmpty())
        return body;
    const QString heading = QStringLiteral("**") + ReportText::markdownInline(links.resolve(title)) + QStringLiteral("**");
    return body.isEmpty() ? heading : heading + QStringLiteral("\n\n") + body;
}

// A note as one line of plain text (a table cell).
QString notePlain(const Note &n, const ReportLinkText &links)
{
    QStringList parts;
    for (const NoteMarkdown::Block &b : NoteMarkdown::parse(noteMarkdown(n, links)))
        parts.append(b.kind == NoteMarkdown::Block::Kind::Code ? b.code : NoteMarkdown::plainText(b.spans));
    QString out = parts.join(QLatin1Char(' '));
    out.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return out.trimmed();
}
}

QString ReportBuilder::formatTime(qint64 us)
{
    if (us == 0)
        return {};
    return TimeUtil::fromUs(us).toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

QStringList ReportBuilder::tagsFor(const QString &id)
{
    if (id == QLatin1String("root-cause"))
        return {QStringLiteral("root-cause"), QStringLiteral("rootcause"), QStringLiteral("root cause"), QStringLiteral("cause")};
    if (id == QLatin1String("lessons-learned"))
        return {QStringLiteral("lessons-learned"), QStringLiteral("lessons"), QStringLiteral("lesson")};
    if (id == QLatin1String("action-items"))
        return {QStringLiteral("action-item"), QStringLiteral("action-items"), QStringLiteral("action")};
    return {id};
}

ReportDocument ReportBuilder::build(const QString &lang)
{
    if (!ReportStrings::isSupported(lang))
        throw CaseError(QStringLiteral("unsupported report language '%1' (en, de)").arg(lang));
    auto tr = [&](S::Key k) { return S::text(lang, k); };

    // A case opened read-only from an older schema lacks the report tables.
    auto hasTable = [&](const QString &name) {
        SqliteStatement st = m_db.prepare(QStringLiteral("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?"));
        st.bind(1, name);
        return st.step();
    };
    const bool reportTables = hasTable(QStringLiteral("status_updates")) && hasTable(QStringLiteral("action_items"))
        && hasTable(QStringLiteral("report_events"));

    ReportDocument doc;
    doc.lang = lang;
    doc.subtitle = tr(S::Subtitle);

    // Case metadata.
    SqliteStatement ci = m_db.prepare(QStringLiteral(
        "SELECT uuid, title, summary, severity, status, incident_start_us, incident_end_us FROM case_info WHERE id = 1"));
    if (!ci.step())
        throw CaseError(QStringLiteral("the case has no metadata row"));
    const QString uuid = ci.text(0), caseSummary = ci.text(2), severity = ci.text(3), status = ci.text(4);
    const qint64 startUs = ci.int64(5), endUs = ci.int64(6);
    doc.title = ci.text(1);

    QHash<qint64, QString> hostNames;
    const QList<HostRecord> hosts = HostStore(m_db).all();
    for (const HostRecord &h : hosts)
        hostNames.insert(h.id, h.name);
    const QList<Note> notes = NoteStore(m_db).all();
    const ReportLinkText links(m_db, lang);
    auto notesFor = [&](const QString &id) {
        QList<ReportBlock> out;
        const QStringList tags = tagsFor(id);
        for (const Note &n : notes)
            if (hasTag(n, tags)) {
                out.append(ReportBlock::authoredText(noteMarkdown(n, links)));
            }
        return out;
    };
    auto orNotSet = [&](const QString &v) { return v.isEmpty() ? tr(S::NotSet) : v; };

    auto addSection = [&](const QString &id, S::Key heading, QList<ReportBlock> blocks, S::Key prompt) {
        ReportSection s;
        s.id = id;
        s.heading = tr(heading);
        s.hasMaterial = !blocks.isEmpty();
        s.blocks = blocks.isEmpty() ? QList<ReportBlock>{ReportBlock::prompt(tr(prompt))} : blocks;
        doc.sections.append(s);
    };

    // Status.
    {
        ReportSection s;
        s.id = QStringLiteral("status");
        s.heading = tr(S::StatusHeading);
        s.hasMaterial = true;
        s.blocks.append(ReportBlock::table({tr(S::ColField), tr(S::ColValue)},
            {{tr(S::CaseStatus), status}, {tr(S::Severity), severity},
             {tr(S::IncidentStart), orNotSet(formatTime(startUs))}, {tr(S::IncidentEnd), orNotSet(formatTime(endUs))},
             {tr(S::CaseId), uuid}, {tr(S::Generated), formatTime(TimeUtil::nowUs())}}));
        doc.sections.append(s);
    }

    // Summary.
    {
        QList<ReportBlock> b;
        if (!caseSummary.trimmed().isEmpty())
            b.append(ReportBlock::paragraph(caseSummary.trimmed()));
        b.append(notesFor(QStringLiteral("summary")));
        addSection(QStringLiteral("summary"), S::SummaryHeading, b, S::SummaryPrompt);
    }
    addSection(QStringLiteral("impact"), S::ImpactHeading, notesFor(QStringLiteral("impact")), S::ImpactPrompt);

    // Markers (events with source 'marker').
    QList<TimedItem> markers;
    QList<TimedItem> detectionMarkers, resolutionMarkers;
    {
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "SELECT at_us, kind, summary, detail, host_id FROM events WHERE source = 'marker' ORDER BY at_us, id"));
        while (st.step()) {
            TimedItem t{st.int64(0), tr(S::SourceMarker), hostNames.value(st.int64(4)), oneLine(st.text(2)), 1, 0};
            const QString kind = st.text(1);
            if (!st.text(3).trimmed().isEmpty())
                t.text += QStringLiteral(" (") + oneLine(st.text(3)) + QLatin1Char(')');
            markers.append(t);
            if (kind.contains(QLatin1String("detect")))
                detectionMarkers.append(t);
            if (kind.contains(QLatin1String("repair")) || kind.contains(QLatin1String("resol")) || kind.contains(QLatin1String("mitigat")))
                resolutionMarkers.append(t);
        }
    }
    auto markerBullets = [&](const QList<TimedItem> &items) {
        QStringList out;
        for (const TimedItem &t : items)
            out.append(formatTime(t.atUs) + QStringLiteral(" — ") + t.text);
        return out;
    };

    {
        QList<ReportBlock> b = notesFor(QStringLiteral("detection"));
        if (!detectionMarkers.isEmpty())
            b.append(ReportBlock::bullets(markerBullets(detectionMarkers)));
        addSection(QStringLiteral("detection"), S::DetectionHeading, b, S::DetectionPrompt);
    }

    // Series of events.
    const QList<Finding> findings = FindingStore(m_db).list();
    {
        QList<TimedItem> items = markers;
        for (const Finding &f : findings)
            if (f.atUs)
                items.append({f.atUs, tr(S::SourceFinding), hostNames.value(f.hostId),
                              QLatin1Char('[') + f.severity + QStringLiteral("] ") + oneLine(f.title), 1, 0});
        if (reportTables) {
            SqliteStatement ev = m_db.prepare(QStringLiteral(
                "SELECT e.at_us, e.summary, e.host_id, e.kind FROM report_events r JOIN events e ON e.id = r.event_id "
                "WHERE e.source <> 'marker' ORDER BY e.at_us, e.id"));
            while (ev.step())
                items.append({ev.int64(0), tr(S::SourceEvent), hostNames.value(ev.int64(2)), oneLine(ev.text(1)), 1, 0});
        }
        for (const Note &n : notes)
            if (n.atUs && hasTag(n, {QStringLiteral("timeline")}))
                items.append({n.atUs, tr(S::SourceNote), QString(), notePlain(n, links), 1, 0});
        std::stable_sort(items.begin(), items.end(), [](const TimedItem &a, const TimedItem &b) { return a.atUs < b.atUs; });
        // Repeated events (eleven workers hung the same way) are one row.
        QList<QStringList> rows;
        for (const TimedItem &t : RepeatedEventGrouper::group(items))
            rows.append({formatTime(t.atUs), t.source, t.host,
                         t.count > 1 ? tr(S::RepeatedEvent).arg(t.text).arg(t.count).arg(formatTime(t.lastUs)) : t.text});
        QList<ReportBlock> b;
        if (!rows.isEmpty())
            b.append(ReportBlock::table({tr(S::ColTime), tr(S::ColSource), tr(S::ColHost), tr(S::ColEvent)}, rows));
        addSection(QStringLiteral("timeline"), S::TimelineHeading, b, S::TimelinePrompt);
    }

    // Status updates, newest first as on a status page.
    {
        QList<StatusUpdate> updates = reportTables ? StatusUpdateStore(m_db).all() : QList<StatusUpdate>();
        std::reverse(updates.begin(), updates.end());
        QList<QStringList> rows;
        for (const StatusUpdate &u : updates)
            rows.append({formatTime(u.atUs), oneLine(u.text)});
        QList<ReportBlock> b;
        if (!rows.isEmpty())
            b.append(ReportBlock::table({tr(S::ColTime), tr(S::ColText)}, rows));
        addSection(QStringLiteral("status-updates"), S::StatusUpdatesHeading, b, S::StatusUpdatesPrompt);
    }

    // Root cause analysis: the responder's analysis (notes) first, then the
    // findings it can rest on: high and critical only; the rest are counted.
    {
        QList<ReportBlock> b = BlockerChainSection::blocks(m_db, lang) + notesFor(QStringLiteral("root-cause"));
        QList<Finding> serious;
        for (const Finding &f : findings)
            if (FindingStore::severityRank(f.severity) >= FindingStore::severityRank(QStringLiteral("high")))
                serious.append(f);
        if (!serious.isEmpty()) {
            b.append(ReportBlock::paragraph(tr(S::FindingsIntro)));
            QStringList items;
            for (const Finding &f : serious) {
                QString item = QLatin1Char('[') + f.severity + QStringLiteral("] ") + oneLine(f.title);
                if (!hostNames.value(f.hostId).isEmpty())
                    item += QStringLiteral(" (") + hostNames.value(f.hostId) + QLatin1Char(')');
                if (f.atUs)
                    item += QStringLiteral(", ") + formatTime(f.atUs);
                if (!f.detail.trimmed().isEmpty())
                    item += QStringLiteral(": ") + oneLine(f.detail);
                QStringList refs;
                for (const EvidenceRef &r : f.evidence)
                    refs.append(links.reference(r.refKind, QString::number(r.refId))
                                + (r.label.isEmpty() ? QString() : QStringLiteral(" (") + oneLine(r.label) + QLatin1Char(')')));
                if (!refs.isEmpty())
                    item += QStringLiteral(" [") + tr(S::EvidenceRefs) + QStringLiteral(": ") + refs.join(QStringLiteral("; ")) + QLatin1Char(']');
                items.append(item);
            }
            b.append(ReportBlock::bullets(items));
        }
        if (const qsizetype rest = findings.size() - serious.size(); rest > 0 && !b.isEmpty())
            b.append(ReportBlock::paragraph(tr(S::FindingsOmitted).arg(rest)));
        addSection(QStringLiteral("root-cause"), S::RootCauseHeading, b, S::RootCausePrompt);
    }
    addSection(QStringLiteral("trigger"), S::TriggerHeading, notesFor(QStringLiteral("trigger")), S::TriggerPrompt);
    {
        QList<ReportBlock> b = notesFor(QStringLiteral("resolution"));
        if (!resolutionMarkers.isEmpty())
            b.append(ReportBlock::bullets(markerBullets(resolutionMarkers)));
        addSection(QStringLiteral("resolution"), S::ResolutionHeading, b, S::ResolutionPrompt);
    }
    {
        QList<ReportBlock> b;
        QList<QStringList> rows;
        for (const ActionItem &a : reportTables ? ActionItemStore(m_db).all() : QList<ActionItem>())
            rows.append({QString::number(a.id), oneLine(a.text), a.owner, a.dueUs ? formatTime(a.dueUs).left(10) : QString(), a.status});
        if (!rows.isEmpty())
            b.append(ReportBlock::table({tr(S::ColId), tr(S::ColText), tr(S::ColOwner), tr(S::ColDue), tr(S::ColState)}, rows));
        b.append(notesFor(QStringLiteral("action-items")));
        addSection(QStringLiteral("action-items"), S::ActionItemsHeading, b, S::ActionItemsPrompt);
    }
    addSection(QStringLiteral("lessons-learned"), S::LessonsHeading, notesFor(QStringLiteral("lessons-learned")), S::LessonsPrompt);

    // Evidence appendix.
    {
        ReportSection s;
        s.id = QStringLiteral("evidence");
        s.heading = tr(S::EvidenceHeading);
        s.hasMaterial = true;
        doc.sections.append(s);

        ReportSection hs;
        hs.id = QStringLiteral("evidence-hosts");
        hs.heading = tr(S::HostsHeading);
        hs.level = 3;
        QList<QStringList> hostRows;
        for (const HostRecord &h : hosts) {
            const QString key = h.hostkeySha256.isEmpty() ? QString() : (h.hostkeyType + QLatin1Char(' ') + h.hostkeySha256).trimmed();
            hostRows.append({h.name, h.address, key, oneLine(h.kernel)});
        }
        hs.hasMaterial = !hostRows.isEmpty();
        hs.blocks.append(hostRows.isEmpty() ? ReportBlock::prompt(tr(S::HostsPrompt))
                                            : ReportBlock::table({tr(S::ColHost), tr(S::ColAddress), tr(S::ColHostKey), tr(S::ColKernel)}, hostRows));
        doc.sections.append(hs);

        ReportSection as;
        as.id = QStringLiteral("evidence-artifacts");
        as.heading = tr(S::ArtifactsHeading);
        as.level = 3;
        QList<QStringList> artRows;
        for (const ArtifactInfo &a : ArtifactReader(m_db).list()) {
            QString state = a.complete ? tr(S::Complete) : tr(S::Incomplete);
            if (a.truncated)
                state += QStringLiteral(", ") + tr(S::Truncated);
            artRows.append({QString::number(a.id), oneLine(a.name), a.kind, hostNames.value(a.hostId), QString::number(a.size), a.sha256, state});
        }
        as.hasMaterial = !artRows.isEmpty();
        as.blocks.append(artRows.isEmpty() ? ReportBlock::prompt(tr(S::ArtifactsPrompt))
                                           : ReportBlock::table({tr(S::ColId), tr(S::ColName), tr(S::ColKind), tr(S::ColHost), tr(S::ColSize), tr(S::ColSha256), tr(S::ColState)}, artRows));
        doc.sections.append(as);

        // Collections: one compact row each; their commands (often whole
        // collector scripts) in an appendix of their own, each distinct
        // command once with the collections that ran it.
        ReportSection cs;
        cs.id = QStringLiteral("evidence-collections");
        cs.heading = tr(S::CollectionsHeading);
        cs.level = 3;
        QList<QStringList> colRows;
        QList<QPair<QString, QStringList>> commands; // command -> collection ids, in first-use order
        for (const CollectionRecord &c : CollectionStore(m_db).all()) {
            QString state = CollectionRecord::statusName(c.status);
            const HostRecord *host = nullptr;
            for (const HostRecord &h : hosts)
                if (h.id == c.hostId)
                    host = &h;
            if (host && !c.hostkeySha256.isEmpty() && c.hostkeySha256 != host->hostkeySha256)
                state += QStringLiteral(", ") + tr(S::ColHostKey) + QStringLiteral(": ") + (c.hostkeyType + QLatin1Char(' ') + c.hostkeySha256).trimmed();
            const QString duration = (c.startedUs && c.finishedUs >= c.startedUs) ? HumanDuration::fromUs(c.finishedUs - c.startedUs) : QString();
            colRows.append({QString::number(c.id), c.kind, hostNames.value(c.hostId), oneLine(c.operatorName),
                            formatTime(c.startedUs), duration, state});
            const QString command = c.command.trimmed();
            if (command.isEmpty())
                continue;
            auto it = std::find_if(commands.begin(), commands.end(), [&](const auto &p) { return p.first == command; });
            if (it == commands.end())
                commands.append({command, {QString::number(c.id)}});
            else
                it->second.append(QString::number(c.id));
        }
        cs.hasMaterial = !colRows.isEmpty();
        cs.blocks.append(colRows.isEmpty() ? ReportBlock::prompt(tr(S::CollectionsPrompt))
                                           : ReportBlock::table({tr(S::ColId), tr(S::ColKind), tr(S::ColHost), tr(S::ColOperator),
                                                                 tr(S::ColStarted), tr(S::ColDuration), tr(S::ColState)}, colRows));
        if (!commands.isEmpty())
            cs.blocks.append(ReportBlock::paragraph(tr(S::CollectionsCommandsNote)));
        doc.sections.append(cs);

        ReportSection cmd;
        cmd.id = QStringLiteral("evidence-commands");
        cmd.heading = tr(S::CommandsHeading);
        cmd.level = 3;
        cmd.hasMaterial = !commands.isEmpty();
        for (const auto &[command, ids] : commands) {
            cmd.blocks.append(ReportBlock::paragraph(tr(S::CommandUsedBy).arg(ids.join(QStringLiteral(", ")))));
            cmd.blocks.append(ReportBlock::preformatted(ReportText::visible(command)));
        }
        if (commands.isEmpty())
            cmd.blocks.append(ReportBlock::prompt(tr(S::CollectionsPrompt)));
        ReportSection au;
        au.id = QStringLiteral("evidence-audit");
        au.heading = tr(S::AuditHeading);
        au.level = 3;
        au.hasMaterial = true;
        AuditLog log(m_db);
        QString problem;
        const qint64 broken = log.verifyChain(&problem);
        au.blocks.append(ReportBlock::paragraph(broken == 0 ? tr(S::AuditChainIntact)
                                                            : tr(S::AuditChainBroken) + QStringLiteral(" (#%1: %2)").arg(broken).arg(oneLine(problem))));
        const AuditHead head = AuditHead::of(m_db);
        au.blocks.append(ReportBlock::paragraph(tr(S::AuditChainHead).arg(head.entries).arg(oneLine(head.hash))));
        QList<QStringList> auditRows;
        static const QStringList kRelevant{QStringLiteral("create"), QStringLiteral("collect"), QStringLiteral("import"),
                                           QStringLiteral("export"), QStringLiteral("merge"), QStringLiteral("redact"),
                                           QStringLiteral("verify"), QStringLiteral("migrate")};
        for (const AuditLog::Entry &e : log.entries()) {
            const QString head = e.action.section(QLatin1Char('-'), 0, 0);
            if (!kRelevant.contains(head))
                continue;
            auditRows.append({QString::number(e.id), formatTime(e.atUs), oneLine(e.actor), e.action, oneLine(e.target), e.hash.left(16)});
        }
        if (!auditRows.isEmpty())
            au.blocks.append(ReportBlock::table({tr(S::ColId), tr(S::ColTime), tr(S::ColActor), tr(S::ColAction), tr(S::ColTarget), tr(S::ColHash)}, auditRows));
        doc.sections.append(au);
        doc.sections.append(cmd);
    }
    return doc;
}
