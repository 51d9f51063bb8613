#include "ReportStrings.h"

#include <array>

namespace {
struct Pair
{
    const char *en;
    const char *de;
};

// In the order of ReportStrings::Key. UTF-8.
constexpr std::array<Pair, ReportStrings::KeyCount> kText{{
    {"Incident report", "Vorfallbericht"},
    {"Status", "Status"},
    {"Summary", "Zusammenfassung"},
    {"Impact", "Auswirkungen"},
    {"Detection", "Erkennung"},
    {"Series of events", "Ereignisablauf"},
    {"Status updates", "Statusmeldungen"},
    {"Root cause analysis", "Ursachenanalyse"},
    {"Trigger", "Auslöser"},
    {"Resolution", "Behebung"},
    {"Action items", "Maßnahmen"},
    {"Lessons learned", "Erkenntnisse"},
    {"Evidence appendix", "Anhang: Beweismittel"},
    {"Hosts", "Hosts"},
    {"Artifacts", "Artefakte"},
    {"Collections", "Erhebungen"},
    {"Audit log", "Prüfprotokoll"},
    {"Case status", "Fallstatus"},
    {"Severity", "Schweregrad"},
    {"Incident start", "Beginn des Vorfalls"},
    {"Incident end", "Ende des Vorfalls"},
    {"Draft generated", "Entwurf erstellt"},
    {"Case ID", "Fall-ID"},
    {"not set", "nicht gesetzt"},
    {"No summary yet. In two or three sentences: what happened, to whom, for how long, and is it over? "
     "(Set the case summary or add a note tagged 'summary'.)",
     "Noch keine Zusammenfassung. In zwei oder drei Sätzen: Was ist passiert, wen betraf es, wie lange, "
     "und ist es vorbei? (Fallzusammenfassung setzen oder eine Notiz mit dem Schlagwort 'summary' anlegen.)"},
    {"No impact recorded yet. Who and what was affected, how badly and for how long? (Add a note tagged 'impact'.)",
     "Noch keine Auswirkungen erfasst. Wer und was war betroffen, wie stark und wie lange? "
     "(Eine Notiz mit dem Schlagwort 'impact' anlegen.)"},
    {"No detection recorded yet. How and when was the problem noticed: alert, customer report, a person? "
     "(Add a note tagged 'detection' or a marker of kind 'detection'.)",
     "Noch keine Erkennung erfasst. Wie und wann wurde das Problem bemerkt: Alarm, Kundenmeldung, ein Mensch? "
     "(Eine Notiz mit dem Schlagwort 'detection' oder eine Markierung der Art 'detection' anlegen.)"},
    {"No timed material yet. Place markers on the timeline, record findings or choose events for the report.",
     "Noch kein zeitlich eingeordnetes Material. Markierungen in der Zeitleiste setzen, Befunde erfassen "
     "oder Ereignisse für den Bericht auswählen."},
    {"No status updates posted yet (casectl status CASE add \"text\").",
     "Noch keine Statusmeldungen veröffentlicht (casectl status FALL add \"Text\")."},
    {"No root cause recorded yet. What chain of causes led to the incident? Link findings and add a note tagged 'root-cause'.",
     "Noch keine Ursache erfasst. Welche Kette von Ursachen führte zum Vorfall? Befunde verknüpfen und eine Notiz "
     "mit dem Schlagwort 'root-cause' anlegen."},
    {"No trigger recorded yet. What set it off at that moment (a deploy, a load spike, a rare code path)? "
     "(Add a note tagged 'trigger'.)",
     "Noch kein Auslöser erfasst. Was hat es in diesem Moment ausgelöst (ein Deployment, eine Lastspitze, "
     "ein seltener Codepfad)? (Eine Notiz mit dem Schlagwort 'trigger' anlegen.)"},
    {"No resolution recorded yet. What restored service, and what fixed the cause? (Add a note tagged 'resolution'.)",
     "Noch keine Behebung erfasst. Was hat den Dienst wiederhergestellt, und was hat die Ursache beseitigt? "
     "(Eine Notiz mit dem Schlagwort 'resolution' anlegen.)"},
    {"No action items yet (casectl action CASE add \"text\" --owner NAME).",
     "Noch keine Maßnahmen (casectl action FALL add \"Text\" --owner NAME)."},
    {"No lessons learned recorded yet. What went well, what went badly, where were we lucky? "
     "(Add a note tagged 'lessons-learned'.)",
     "Noch keine Erkenntnisse erfasst. Was lief gut, was lief schlecht, wo hatten wir Glück? "
     "(Eine Notiz mit dem Schlagwort 'lessons-learned' anlegen.)"},
    {"No hosts in this case.", "Keine Hosts in diesem Fall."},
    {"No artifacts in this case.", "Keine Artefakte in diesem Fall."},
    {"No collections in this case.", "Keine Erhebungen in diesem Fall."},
    {"Time (UTC)", "Zeit (UTC)"},
    {"Source", "Quelle"},
    {"Event", "Ereignis"},
    {"Host", "Host"},
    {"Address", "Adresse"},
    {"Host key (SHA-256 fingerprint)", "Hostschlüssel (SHA-256-Fingerabdruck)"},
    {"Kernel", "Kernel"},
    {"ID", "ID"},
    {"Name", "Name"},
    {"Kind", "Art"},
    {"Size (bytes)", "Größe (Bytes)"},
    {"SHA-256", "SHA-256"},
    {"State", "Zustand"},
    {"Command", "Befehl"},
    {"Operator", "Bearbeiter"},
    {"Started (UTC)", "Begonnen (UTC)"},
    {"Finished (UTC)", "Beendet (UTC)"},
    {"Action", "Aktion"},
    {"Actor", "Akteur"},
    {"Target", "Ziel"},
    {"Entry hash", "Eintrags-Hash"},
    {"Owner", "Verantwortlich"},
    {"Due", "Fällig"},
    {"Text", "Text"},
    {"Severity", "Schweregrad"},
    {"Finding", "Befund"},
    {"Field", "Feld"},
    {"Value", "Wert"},
    {"marker", "Markierung"},
    {"finding", "Befund"},
    {"event", "Ereignis"},
    {"note", "Notiz"},
    {"status update", "Statusmeldung"},
    {"complete", "vollständig"},
    {"incomplete", "unvollständig"},
    {"truncated", "gekürzt"},
    {"Evidence", "Beweismittel"},
    {"The audit log's hash chain is intact.", "Die Hash-Kette des Prüfprotokolls ist intakt."},
    {"The audit log's hash chain is BROKEN", "Die Hash-Kette des Prüfprotokolls ist UNTERBROCHEN"},
    {"Findings of high severity recorded in the case:", "Im Fall erfasste Befunde hohen Schweregrads:"},
    {"Head of the audit chain: %1 entries, last hash %2. Noted down elsewhere, it lets "
     "casectl verify --expect-head %1:%2 prove later that the chain was neither cut short nor rewritten up to here.",
     "Kopf der Prüfkette: %1 Einträge, letzter Hash %2. Anderswo notiert, weist "
     "casectl verify --expect-head %1:%2 später nach, dass die Kette bis hierher weder gekürzt noch umgeschrieben wurde."},
    {"Collection commands", "Befehle der Erhebungen"},
    {"Duration", "Dauer"},
    {"%1 (%2 times, the last at %3)", "%1 (%2-mal, zuletzt %3)"},
    {"Collections %1", "Erhebungen %1"},
    {"%1 findings of lower severity are in the case (casectl findings).",
     "%1 weitere Befunde geringeren Schweregrads stehen im Fall (casectl findings)."},
    {"The commands of these collections are in the appendix \"Collection commands\" below.",
     "Die Befehle dieser Erhebungen stehen im Anhang \"Befehle der Erhebungen\" unten."},
}};

constexpr bool everyKeyHasText()
{
    for (const Pair &p : kText)
        if (!p.en || !p.de || !*p.en || !*p.de)
            return false;
    return true;
}
static_assert(everyKeyHasText(), "every ReportStrings key needs English and German text");
}

QString ReportStrings::text(const QString &lang, Key key)
{
    if (key < 0 || key >= KeyCount)
        return {};
    const Pair &p = kText[size_t(key)];
    return QString::fromUtf8(lang == QLatin1String("de") ? p.de : p.en);
}
