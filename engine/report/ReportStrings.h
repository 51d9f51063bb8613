#pragma once

#include <QString>
#include <QStringList>

// The fixed wording of report drafts in English and German. The report is a
// document for readers of the case, so its language is chosen per report
// (--lang), independent of the UI language.
class ReportStrings
{
public:
    enum Key {
        Subtitle, StatusHeading, SummaryHeading, ImpactHeading, DetectionHeading, TimelineHeading,
        StatusUpdatesHeading, RootCauseHeading, TriggerHeading, ResolutionHeading, ActionItemsHeading,
        LessonsHeading, EvidenceHeading, HostsHeading, ArtifactsHeading, CollectionsHeading, AuditHeading,
        CaseStatus, Severity, IncidentStart, IncidentEnd, Generated, CaseId, NotSet,
        SummaryPrompt, ImpactPrompt, DetectionPrompt, TimelinePrompt, StatusUpdatesPrompt, RootCausePrompt,
        TriggerPrompt, ResolutionPrompt, ActionItemsPrompt, LessonsPrompt, HostsPrompt, ArtifactsPrompt,
        CollectionsPrompt,
        ColTime, ColSource, ColEvent, ColHost, ColAddress, ColHostKey, ColKernel, ColId, ColName, ColKind,
        ColSize, ColSha256, ColState, ColCommand, ColOperator, ColStarted, ColFinished, ColAction, ColActor,
        ColTarget, ColHash, ColOwner, ColDue, ColText, ColSeverity, ColFinding, ColField, ColValue,
        SourceMarker, SourceFinding, SourceEvent, SourceNote, SourceStatus,
        Complete, Incomplete, Truncated, EvidenceRefs, AuditChainIntact, AuditChainBroken, FindingsIntro,
        AuditChainHead,
        CommandsHeading, ColDuration, RepeatedEvent, CommandUsedBy, FindingsOmitted, CollectionsCommandsNote,
        KeyCount
    };

    static QString text(const QString &lang, Key key);
    static QStringList languages() { return {QStringLiteral("en"), QStringLiteral("de")}; }
    static bool isSupported(const QString &lang) { return languages().contains(lang); }
};
