<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditLogModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditLogPane</name>
    <message>
        <source>Filter the audit log…</source>
        <translation>Prüfprotokoll filtern…</translation>
    </message>
    <message>
        <source>Verif&amp;y Case</source>
        <translation>Fall &amp;prüfen</translation>
    </message>
    <message>
        <source>Re-hash every artifact against the hashes recorded when it was collected, and check the audit chain</source>
        <translation>Jedes Artefakt erneut hashen und mit den bei der Erhebung gespeicherten Hashes vergleichen, und die Prüfkette prüfen</translation>
    </message>
    <message numerus="yes">
        <source>%n entries; hash chain intact; head %1.</source>
        <translation>
            <numerusform>%n Eintrag; Hash-Kette intakt; Kopf %1.</numerusform>
            <numerusform>%n Einträge; Hash-Kette intakt; Kopf %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hash chain broken at entry %1: %2</source>
        <translation>Hash-Kette bei Eintrag %1 unterbrochen: %2</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Verified: the file is sound, no artifact differs from what was recorded for it (%1 checked), and the audit chain is intact.</source>
        <translation>Geprüft: Die Datei ist intakt, kein Artefakt weicht vom für es Gespeicherten ab (%1 geprüft), und die Prüfkette ist intakt.</translation>
    </message>
    <message>
        <source>VERIFICATION FAILED:</source>
        <translation>PRÜFUNG FEHLGESCHLAGEN:</translation>
    </message>
    <message>
        <source>%1 artifacts have no hash in the audit log and were checked against their artifacts rows only: %2</source>
        <translation>%1 Artefakte haben keinen Hash im Prüfprotokoll und wurden nur mit ihren Zeilen in der Artefakttabelle verglichen: %2</translation>
    </message>
    <message>
        <source>Audit chain: %1 entries, head %2. Note it down elsewhere; casectl verify CASE --expect-head %1:%2 proves later that the chain was neither cut short nor rewritten up to here.</source>
        <translation>Prüfkette: %1 Einträge, Kopf %2. Anderswo notieren; casectl verify FALL --expect-head %1:%2 weist später nach, dass die Kette bis hierher weder gekürzt noch umgeschrieben wurde.</translation>
    </message>
</context>
<context>
    <name>BlockersGraphView</name>
    <message>
        <source>held by</source>
        <translation>gehalten von</translation>
    </message>
    <message>
        <source>served by</source>
        <translation>bedient von</translation>
    </message>
    <message>
        <source>waits for</source>
        <translation>wartet auf</translation>
    </message>
</context>
<context>
    <name>BlockersPane</name>
    <message>
        <source>Analyse A&amp;gain</source>
        <translation>Erneut &amp;analysieren</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Reading the waits-for graph…</source>
        <translation>Wartegraph wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the waits-for graph: %1</source>
        <translation>Der Wartegraph kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Analysing who waits for whom…</source>
        <translation>Analysiere, wer auf wen wartet…</translation>
    </message>
    <message>
        <source>The analysis failed: %1</source>
        <translation>Die Analyse ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No host of this case has evidence the waits-for graph is built from (procfs snapshots, kernel log, strace, captures).</source>
        <translation>Kein Host dieses Falls hat Belege, aus denen der Wartegraph entsteht (procfs-Schnappschüsse, Kernel-Log, strace, Mitschnitte).</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges · run %3</source>
        <translation>%1 Knoten, %2 Kanten · Lauf %3</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges · not stored (read-only case)</source>
        <translation>%1 Knoten, %2 Kanten · nicht gespeichert (schreibgeschützter Fall)</translation>
    </message>
    <message>
        <source>Nothing waits on anything the evidence shows.</source>
        <translation>Nach den Belegen wartet nichts auf etwas.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>CaptureOverviewText</name>
    <message>
        <source>Capture %1 is corrupt: the summary covers only what came before the damage.</source>
        <translation>Mitschnitt %1 ist beschädigt: Die Zusammenfassung umfasst nur, was vor der Beschädigung lag.</translation>
    </message>
    <message>
        <source>Capture %1 was cut short (the last packet is incomplete): the summary covers the complete packets.</source>
        <translation>Mitschnitt %1 wurde vorzeitig abgeschnitten (das letzte Paket ist unvollständig): Die Zusammenfassung umfasst die vollständigen Pakete.</translation>
    </message>
    <message>
        <source>Capture %1 has warnings.</source>
        <translation>Mitschnitt %1 hat Warnungen.</translation>
    </message>
    <message>
        <source>Capture %1</source>
        <translation>Mitschnitt %1</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>, nanosecond timestamps</source>
        <translation>, Zeitstempel in Nanosekunden</translation>
    </message>
    <message>
        <source>, big-endian</source>
        <translation>, Big-Endian</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>%1, %2 read</source>
        <translation>%1, %2 gelesen</translation>
    </message>
    <message>
        <source>Packets:</source>
        <translation>Pakete:</translation>
    </message>
    <message>
        <source>%1 (%2 on the wire, %3 captured)</source>
        <translation>%1 (%2 auf der Leitung, %3 mitgeschnitten)</translation>
    </message>
    <message>
        <source>First packet:</source>
        <translation>Erstes Paket:</translation>
    </message>
    <message>
        <source>Last packet:</source>
        <translation>Letztes Paket:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Interface %1:</source>
        <translation>Schnittstelle %1:</translation>
    </message>
    <message>
        <source>%1 (link type %2)%3, snap length %4, %5 packets</source>
        <translation>%1 (Link-Typ %2)%3, Snaplänge %4, %5 Pakete</translation>
    </message>
    <message>
        <source>IPv4 / IPv6:</source>
        <translation>IPv4 / IPv6:</translation>
    </message>
    <message>
        <source>Protocols:</source>
        <translation>Protokolle:</translation>
    </message>
    <message>
        <source>TCP %1, UDP %2, ICMP %3, other IP %4, non-IP %5</source>
        <translation>TCP %1, UDP %2, ICMP %3, anderes IP %4, kein IP %5</translation>
    </message>
    <message>
        <source>Damaged:</source>
        <translation>Beschädigt:</translation>
    </message>
    <message>
        <source>%1 malformed packets, %2 fragments</source>
        <translation>%1 fehlerhafte Pakete, %2 Fragmente</translation>
    </message>
    <message>
        <source>Conversations:</source>
        <translation>Konversationen:</translation>
    </message>
    <message>
        <source>RPC:</source>
        <translation>RPC:</translation>
    </message>
    <message>
        <source>%1 calls, %2 replies%3</source>
        <translation>%1 Aufrufe, %2 Antworten%3</translation>
    </message>
    <message>
        <source> (not every call kept individually)</source>
        <translation> (nicht jeder Aufruf einzeln gespeichert)</translation>
    </message>
    <message>
        <source>Busiest ports:</source>
        <translation>Aktivste Ports:</translation>
    </message>
    <message>
        <source>%1/%2%3: %4 packets, %5, %6 conversation(s)</source>
        <translation>%1/%2%3: %4 Pakete, %5, %6 Konversation(en)</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <source>Findings (see the Findings pane for their evidence):</source>
        <translation>Befunde (ihre Beweismittel zeigt die Ansicht Befunde):</translation>
    </message>
</context>
<context>
    <name>CaseInfoDialog</name>
    <message>
        <source>Case Properties</source>
        <translation>Falleigenschaften</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Bekannt</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>&amp;Zusammenfassung:</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Schweregrad:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>Incident &amp;start:</source>
        <translation>&amp;Beginn des Vorfalls:</translation>
    </message>
    <message>
        <source>Incident &amp;end:</source>
        <translation>&amp;Ende des Vorfalls:</translation>
    </message>
    <message>
        <source>Created %1 by %2 · %3</source>
        <translation>Erstellt %1 von %2 · %3</translation>
    </message>
</context>
<context>
    <name>CaseSession</name>
    <message>
        <source>Another case is being opened.</source>
        <translation>Ein anderer Fall wird gerade geöffnet.</translation>
    </message>
</context>
<context>
    <name>CollectDialog</name>
    <message>
        <source>cancelled (%1)</source>
        <translation>abgebrochen (%1)</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>Erheben</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>local, an ssh_config alias, or user@host:port</source>
        <translation>local, ein ssh_config-Alias oder benutzer@host:port</translation>
    </message>
    <message>
        <source>&amp;Add Host</source>
        <translation>Host &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Remove Selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <source>No collectors are available in this build.</source>
        <translation>In diesem Build sind keine Kollektoren verfügbar.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Authentication for %1</source>
        <translation>Anmeldung für %1</translation>
    </message>
    <message>
        <source>Password for %1@%2:</source>
        <translation>Passwort für %1@%2:</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Fertig: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Open a case you can write to first.</source>
        <translation>Öffnen Sie zuerst einen Fall mit Schreibzugriff.</translation>
    </message>
    <message>
        <source>A collection is already running.</source>
        <translation>Es läuft bereits eine Erhebung.</translation>
    </message>
    <message>
        <source>Add at least one host (&apos;local&apos; is this machine).</source>
        <translation>Fügen Sie mindestens einen Host hinzu (&apos;local&apos; ist dieser Rechner).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Choose at least one collector.</source>
        <translation>Wählen Sie mindestens einen Kollektor.</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Warte…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>A collection is still running. Cancel it and close?

What has arrived so far is kept; the interrupted collections are marked incomplete.</source>
        <translation>Eine Erhebung läuft noch. Abbrechen und schließen?

Was bisher angekommen ist, bleibt erhalten; die unterbrochenen Erhebungen werden als unvollständig markiert.</translation>
    </message>
    <message>
        <source>Cancel Collection</source>
        <translation>Erhebung abbrechen</translation>
    </message>
    <message>
        <source>Keep Collecting</source>
        <translation>Weiter erheben</translation>
    </message>
    <message>
        <source>%1: fill in %2 (%3).</source>
        <translation>%1: %2 ausfüllen (%3).</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>CollectRunner</name>
    <message>
        <source>Refused: the host key of this host has CHANGED since it was trusted. This can mean someone is intercepting the connection, or the host was reinstalled. Casebook does not override this; check the new key with the host&apos;s owner and update known_hosts. (%1)</source>
        <translation>Abgelehnt: Der Hostschlüssel dieses Hosts hat sich GEÄNDERT, seit ihm vertraut wurde. Das kann bedeuten, dass jemand die Verbindung abfängt, oder der Host wurde neu installiert. Casebook setzt sich darüber nicht hinweg; prüfen Sie den neuen Schlüssel mit dem Verantwortlichen des Hosts und aktualisieren Sie known_hosts. (%1)</translation>
    </message>
    <message>
        <source>Refused: the host key was not trusted. (%1)</source>
        <translation>Abgelehnt: Dem Hostschlüssel wurde nicht vertraut. (%1)</translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 fertig</translation>
    </message>
    <message>
        <source>cancelled; what arrived is kept</source>
        <translation>abgebrochen; was angekommen ist, bleibt erhalten</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>%1: started</source>
        <translation>%1: gestartet</translation>
    </message>
</context>
<context>
    <name>CollectorOption</name>
    <message>
        <source>Run collectors with raised privileges</source>
        <translation>Kollektoren mit erhöhten Rechten ausführen</translation>
    </message>
    <message>
        <source>Run the collectors on the host as root, through the become method (asks for its password when needed).</source>
        <translation>Die Kollektoren auf dem Host als root ausführen, über die Methode zum Rechtewechsel (fragt bei Bedarf nach deren Passwort).</translation>
    </message>
    <message>
        <source>Become method</source>
        <translation>Rechtewechsel über</translation>
    </message>
    <message>
        <source>How to become root on the host with --sudo.</source>
        <translation>Wie mit --sudo auf dem Host root erlangt wird.</translation>
    </message>
    <message>
        <source>Procfs snapshots: every task with state, wchan, kernel stack, fds; host load, PSI, memory, cgroups, mounts, sockets, services (D-state triage).</source>
        <translation>Procfs-Schnappschüsse: jeder Task mit Zustand, wchan, Kernel-Stack, FDs; Host-Last, PSI, Speicher, cgroups, Mounts, Sockets, Dienste (D-State-Triage).</translation>
    </message>
    <message>
        <source>Procfs snapshots</source>
        <translation>Procfs-Schnappschüsse</translation>
    </message>
    <message>
        <source>Take procfs snapshots.</source>
        <translation>Procfs-Schnappschüsse aufnehmen.</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Proben</translation>
    </message>
    <message>
        <source>Procfs samples to take in one session.</source>
        <translation>Anzahl der Procfs-Proben in einer Sitzung.</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>Seconds between procfs samples.</source>
        <translation>Sekunden zwischen den Procfs-Proben.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Comma-separated services whose state to record.</source>
        <translation>Kommagetrennte Dienste, deren Zustand festgehalten wird.</translation>
    </message>
    <message>
        <source>Kernel log (dmesg or journalctl -k) with wall-clock times; hung tasks, OOM kills, NFS/lockd, lockups, RCU stalls, oops/panic as events.</source>
        <translation>Kernel-Log (dmesg oder journalctl -k) mit Uhrzeiten; hängende Tasks, OOM-Kills, NFS/lockd, Lockups, RCU-Stalls, Oops/Panic als Ereignisse.</translation>
    </message>
    <message>
        <source>Kernel log</source>
        <translation>Kernel-Log</translation>
    </message>
    <message>
        <source>Collect the kernel log.</source>
        <translation>Das Kernel-Log erheben.</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Attach strace to these processes.</source>
        <translation>strace an diese Prozesse anhängen.</translation>
    </message>
    <message>
        <source>Run this command under strace (sh -c).</source>
        <translation>Diesen Befehl unter strace ausführen (sh -c).</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>How long strace traces and tcpdump captures, in seconds.</source>
        <translation>Wie lange strace verfolgt und tcpdump mitschneidet, in Sekunden.</translation>
    </message>
    <message>
        <source>Log size limit (MiB)</source>
        <translation>Größengrenze des Logs (MiB)</translation>
    </message>
    <message>
        <source>Stop strace when its log reaches this many MiB.</source>
        <translation>strace anhalten, wenn sein Log so viele MiB erreicht.</translation>
    </message>
    <message>
        <source>Capture packets with tcpdump for a bounded time and size and summarise them (--tcpdump IFACE).</source>
        <translation>Pakete mit tcpdump begrenzte Zeit und Menge mitschneiden und zusammenfassen (--tcpdump IFACE).</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Capture on this interface (e.g. eth0, any).</source>
        <translation>Auf dieser Schnittstelle mitschneiden (z. B. eth0, any).</translation>
    </message>
    <message>
        <source>Capture filter</source>
        <translation>Mitschnittfilter</translation>
    </message>
    <message>
        <source>A tcpdump filter expression, e.g. port 2049 or port 111 (quotes as in a shell are fine).</source>
        <translation>Ein tcpdump-Filterausdruck, z. B. port 2049 or port 111 (Anführungszeichen wie in einer Shell sind erlaubt).</translation>
    </message>
    <message>
        <source>Capture size limit</source>
        <translation>Größengrenze des Mitschnitts</translation>
    </message>
    <message>
        <source>Stop capturing at this much data (bytes, or with K/M/G).</source>
        <translation>Mitschnitt bei dieser Datenmenge beenden (Bytes, oder mit K/M/G).</translation>
    </message>
    <message>
        <source>Pull files verbatim (regular files only), e.g. /var/log/kern.log</source>
        <translation>Dateien unverändert holen (nur reguläre Dateien), z. B. /var/log/kern.log</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Pull this remote file into the case.</source>
        <translation>Diese entfernte Datei in den Fall holen.</translation>
    </message>
    <message>
        <source>Size limit per file</source>
        <translation>Größengrenze je Datei</translation>
    </message>
    <message>
        <source>Bytes kept per pulled file (or with K/M/G).</source>
        <translation>Behaltene Bytes je geholter Datei (oder mit K/M/G).</translation>
    </message>
    <message>
        <source>Command to run</source>
        <translation>Auszuführender Befehl</translation>
    </message>
    <message>
        <source>Trace processes with strace -f -tt -T -yy for a bounded time (--strace-pid or --strace-cmd); stopped with SIGTERM at the duration, detaching cleanly.</source>
        <translation>Prozesse begrenzte Zeit mit strace -f -tt -T -yy verfolgen (--strace-pid oder --strace-cmd); am Ende der Dauer mit SIGTERM angehalten, sauber gelöst.</translation>
    </message>
    <message>
        <source>Leave the command&apos;s processes running when tracing stops</source>
        <translation>Prozesse des Befehls nach dem Verfolgen weiterlaufen lassen</translation>
    </message>
    <message>
        <source>With --strace-cmd: leave what the command started running when tracing stops (default: it is ended with SIGTERM, then SIGKILL).</source>
        <translation>Mit --strace-cmd: was der Befehl gestartet hat, nach dem Verfolgen weiterlaufen lassen (sonst mit SIGTERM, dann SIGKILL beendet).</translation>
    </message>
</context>
<context>
    <name>CollectorOptionEditor</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>process ids, e.g. 1234, 5678</source>
        <translation>Prozess-IDs, z. B. 1234, 5678</translation>
    </message>
    <message>
        <source>Pick processes of this machine.</source>
        <translation>Prozesse dieses Rechners auswählen.</translation>
    </message>
    <message>
        <source>Processes can be picked for the local host only; type the ids for other hosts.</source>
        <translation>Prozesse lassen sich nur für den lokalen Host auswählen; für andere Hosts die IDs eingeben.</translation>
    </message>
    <message>
        <source>interface, e.g. eth0 or any</source>
        <translation>Schnittstelle, z. B. eth0 oder any</translation>
    </message>
    <message>
        <source>e.g. port 2049 or port 111 (empty: everything)</source>
        <translation>z. B. port 2049 or port 111 (leer: alles)</translation>
    </message>
    <message>
        <source>No filter: every packet is captured.</source>
        <translation>Kein Filter: jedes Paket wird mitgeschnitten.</translation>
    </message>
    <message>
        <source>tcpdump gets: %1</source>
        <translation>tcpdump erhält: %1</translation>
    </message>
    <message>
        <source>Not a valid filter: it %1.</source>
        <translation>Kein gültiger Filter (%1).</translation>
    </message>
    <message>
        <source>one absolute path per line, e.g. /var/log/kern.log</source>
        <translation>ein absoluter Pfad je Zeile, z. B. /var/log/kern.log</translation>
    </message>
</context>
<context>
    <name>ConversationsModel</name>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>refused (RST)</source>
        <translation>abgewiesen (RST)</translation>
    </message>
    <message>
        <source>unanswered (SYN ×%1)</source>
        <translation>unbeantwortet (SYN ×%1)</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>mid-stream</source>
        <translation>bereits laufend</translation>
    </message>
    <message>
        <source>ICMP unreachable</source>
        <translation>ICMP Unreachable</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>%1 bytes on the wire</source>
        <translation>%1 Bytes auf der Leitung</translation>
    </message>
    <message>
        <source>SYN ×%1</source>
        <translation>SYN ×%1</translation>
    </message>
    <message>
        <source>RST %1/%2</source>
        <translation>RST %1/%2</translation>
    </message>
    <message>
        <source>FIN %1/%2</source>
        <translation>FIN %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>%n retransmission(s)</source>
        <translation>
            <numerusform>%n Neuübertragung</numerusform>
            <numerusform>%n Neuübertragungen</numerusform>
        </translation>
    </message>
    <message>
        <source>zero window ×%1</source>
        <translation>Zero Window ×%1</translation>
    </message>
    <message>
        <source>ICMP unreachable ×%1</source>
        <translation>ICMP Unreachable ×%1</translation>
    </message>
    <message>
        <source>RPC</source>
        <translation>RPC</translation>
    </message>
    <message>
        <source>The side that sent the first packet seen (normally the client).</source>
        <translation>Die Seite, die das erste gesehene Paket gesendet hat (normalerweise der Client).</translation>
    </message>
    <message>
        <source>The other side (normally the server).</source>
        <translation>Die andere Seite (normalerweise der Server).</translation>
    </message>
    <message>
        <source>The well-known service of side B&apos;s port, if it is one an NFS investigation meets.</source>
        <translation>Der bekannte Dienst hinter dem Port von Seite B, sofern er zu denen gehört, die bei einer NFS-Untersuchung vorkommen.</translation>
    </message>
    <message>
        <source>TCP: how the handshake went. UDP: whether anything came back.</source>
        <translation>TCP: wie der Handshake verlief. UDP: ob überhaupt etwas zurückkam.</translation>
    </message>
    <message>
        <source>Proto</source>
        <translation>Proto</translation>
    </message>
    <message>
        <source>A (client)</source>
        <translation>A (Client)</translation>
    </message>
    <message>
        <source>B (server)</source>
        <translation>B (Server)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Pkts A→B</source>
        <translation>Pakete A→B</translation>
    </message>
    <message>
        <source>Bytes A→B</source>
        <translation>Bytes A→B</translation>
    </message>
    <message>
        <source>Pkts B→A</source>
        <translation>Pakete B→A</translation>
    </message>
    <message>
        <source>Bytes B→A</source>
        <translation>Bytes B→A</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <source>Find in evidence (Enter: next, Shift+Enter: previous)</source>
        <translation>In Beweismitteln suchen (Enter: nächster, Umschalt+Enter: vorheriger Treffer)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Artifact %1</source>
        <translation>Artefakt %1</translation>
    </message>
    <message>
        <source>Loading artifact %1…</source>
        <translation>Lade Artefakt %1…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>no hash yet (incomplete)</source>
        <translation>noch kein Hash (unvollständig)</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>TRUNCATED at collection (size cap)</source>
        <translation>bei der Erhebung GEKÜRZT (Größengrenze)</translation>
    </message>
    <message>
        <source>only the first part is shown</source>
        <translation>nur der erste Teil wird angezeigt</translation>
    </message>
    <message>
        <source>binary: hex dump</source>
        <translation>binär: Hex-Ansicht</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export / Share case</source>
        <translation>Fall exportieren / weitergeben</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Redact host names, IP addresses and user names</source>
        <translation>Hostnamen, IP-Adressen und Benutzernamen schwärzen</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Strict (also MAC addresses)</source>
        <translation>Streng (auch MAC-Adressen)</translation>
    </message>
    <message>
        <source>Further words to replace, one per line (customer names, project names…)</source>
        <translation>Weitere zu ersetzende Wörter, eines pro Zeile (Kundennamen, Projektnamen…)</translation>
    </message>
    <message>
        <source>Regular expressions to replace, one per line</source>
        <translation>Zu ersetzende reguläre Ausdrücke, einer pro Zeile</translation>
    </message>
    <message>
        <source>Replaced values get consistent pseudonyms (host-1, host-1.domain-1.invalid, 192.0.2.1, 2001:db8::1, user-1). The mapping stays only in this case. Binary captures are left out of a redacted copy.</source>
        <translation>Ersetzte Werte erhalten durchgängige Pseudonyme (host-1, host-1.domain-1.invalid, 192.0.2.1, 2001:db8::1, user-1). Die Zuordnung bleibt nur in diesem Fall. Binäre Mitschnitte werden in einer geschwärzten Kopie weggelassen.</translation>
    </message>
    <message>
        <source>Keep SSH host-key fingerprints</source>
        <translation>SSH-Host-Key-Fingerabdrücke behalten</translation>
    </message>
    <message>
        <source>Leave SHA256:… fingerprints and public host keys as they are, e.g. for a colleague who checks them.</source>
        <translation>SHA256:…-Fingerabdrücke und öffentliche Host-Keys unverändert lassen, z. B. für eine Kollegin, die sie prüft.</translation>
    </message>
    <message>
        <source>Save copy as:</source>
        <translation>Kopie speichern als:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Terms:</source>
        <translation>Begriffe:</translation>
    </message>
    <message>
        <source>Patterns:</source>
        <translation>Muster:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export case</source>
        <translation>Fall exportieren</translation>
    </message>
    <message>
        <source>Case files (*.casebook)</source>
        <translation>Falldateien (*.casebook)</translation>
    </message>
    <message>
        <source>Choose where to save the copy.</source>
        <translation>Wählen Sie, wo die Kopie gespeichert wird.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
</context>
<context>
    <name>FilterLineEdit</name>
    <message>
        <source>Filter…</source>
        <translation>Filtern…</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beweismittel</translation>
    </message>
    <message>
        <source>%1 (superseded)</source>
        <translation>%1 (überholt)</translation>
    </message>
</context>
<context>
    <name>FindingsPane</name>
    <message>
        <source>Filter findings…</source>
        <translation>Befunde filtern…</translation>
    </message>
    <message>
        <source>Superseded at %1 by %2.</source>
        <translation>Überholt am %1 durch %2.</translation>
    </message>
    <message>
        <source>Superseded at %1: a later analysis no longer found it.</source>
        <translation>Überholt am %1: eine spätere Analyse fand ihn nicht mehr.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beweismittel</translation>
    </message>
</context>
<context>
    <name>FleetMatrixModel</name>
    <message>
        <source>%1 tasks on %2 share this stack</source>
        <translation>%1 Tasks auf %2 teilen diesen Stack</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <source>Unknown Host Key</source>
        <translation>Unbekannter Hostschlüssel</translation>
    </message>
    <message>
        <source>Casebook has not seen this host&apos;s key before. Compare the fingerprint with one obtained from the host&apos;s owner or console before trusting it.</source>
        <translation>Casebook kennt den Schlüssel dieses Hosts noch nicht. Vergleichen Sie den Fingerabdruck mit einem, den Sie vom Verantwortlichen des Hosts oder über dessen Konsole erhalten haben, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>Schlüsseltyp:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Fingerabdruck:</translation>
    </message>
    <message>
        <source>Recorded in:</source>
        <translation>Gespeichert in:</translation>
    </message>
    <message>
        <source>&amp;Trust and Connect</source>
        <translation>&amp;Vertrauen und verbinden</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Ablehnen</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import Evidence</source>
        <translation>Beweismittel importieren</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>(no host)</source>
        <translation>(kein Host)</translation>
    </message>
    <message>
        <source>The host the evidence came from; a new name adds the host to the case.</source>
        <translation>Der Host, von dem die Beweismittel stammen; ein neuer Name fügt den Host dem Fall hinzu.</translation>
    </message>
    <message>
        <source>this machine&apos;s zone (%1)</source>
        <translation>Zone dieses Rechners (%1)</translation>
    </message>
    <message>
        <source>The zone of times that carry none (strace -t/-tt): the traced host&apos;s zone, an IANA name such as Europe/Berlin or an offset such as +02:00.</source>
        <translation>Die Zone für Zeiten ohne Zone (strace -t/-tt): die Zone des verfolgten Hosts, ein IANA-Name wie Europe/Berlin oder ein Versatz wie +02:00.</translation>
    </message>
    <message>
        <source>The log &amp;starts on</source>
        <translation>Das Log &amp;beginnt am</translation>
    </message>
    <message>
        <source>Logs whose times carry no date (strace -t/-tt) are otherwise dated by the file&apos;s modification time, which a copy may have changed.</source>
        <translation>Logs, deren Zeiten kein Datum tragen (strace -t/-tt), werden sonst nach der Änderungszeit der Datei datiert, die eine Kopie verändert haben kann.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Dateien:</translation>
    </message>
    <message>
        <source>Evidence (*.strace *.log *.txt *.pcap *.pcapng);;All files (*)</source>
        <translation>Beweismittel (*.strace *.log *.txt *.pcap *.pcapng);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add the files to import.</source>
        <translation>Fügen Sie die zu importierenden Dateien hinzu.</translation>
    </message>
    <message>
        <source>Not a time zone: %1 (use an IANA name such as Europe/Berlin, or an offset such as +02:00).</source>
        <translation>Keine Zeitzone: %1 (verwenden Sie einen IANA-Namen wie Europe/Berlin oder einen Versatz wie +02:00).</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <source>%1 is not a kind of file Casebook can import (strace log, pcap/pcapng capture...).</source>
        <translation>%1 ist keine Dateiart, die Casebook importieren kann (strace-Protokoll, pcap/pcapng-Mitschnitt...).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)%3</source>
        <translation>%1 (%2)%3</translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation>
            <numerusform>, %n Warnung</numerusform>
            <numerusform>, %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled; what was read so far is kept and marked.</source>
        <translation>Import abgebrochen; das bisher Gelesene bleibt erhalten und ist markiert.</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 importiert</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Blockers</source>
        <translation>Bloc&amp;kaden</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;Processes</source>
        <translation>&amp;Prozesse</translation>
    </message>
    <message>
        <source>Stac&amp;ks</source>
        <translation>Stac&amp;ks</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Bericht</translation>
    </message>
    <message>
        <source>Verify Hash</source>
        <translation>Hash prüfen</translation>
    </message>
    <message>
        <source>Note at %1</source>
        <translation>Notiz zu %1</translation>
    </message>
    <message>
        <source>Case &amp;Navigator</source>
        <translation>Fall-&amp;Navigator</translation>
    </message>
    <message>
        <source>F&amp;indings</source>
        <translation>&amp;Befunde</translation>
    </message>
    <message>
        <source>&amp;Audit Log</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>&amp;Neuer Fall…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>Fall ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Everything is saved into the case as you work; this saves pending note edits now.</source>
        <translation>Alles wird während der Arbeit im Fall gespeichert; dies speichert ausstehende Notizänderungen sofort.</translation>
    </message>
    <message>
        <source>Save a Cop&amp;y As…</source>
        <translation>&amp;Kopie speichern unter…</translation>
    </message>
    <message>
        <source>Save a Copy of the Case</source>
        <translation>Eine Kopie des Falls speichern</translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation>Fall &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Fall</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Eigenschaften…</translation>
    </message>
    <message>
        <source>&amp;Collect…</source>
        <translation>&amp;Erheben…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>New &amp;Note</source>
        <translation>Neue &amp;Notiz</translation>
    </message>
    <message>
        <source>Place &amp;Marker…</source>
        <translation>&amp;Markierung setzen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Stacks</source>
        <translation>&amp;Stacks</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Casebook</source>
        <translation>&amp;Über Casebook</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Casebook</source>
        <translation>Casebook</translation>
    </message>
    <message>
        <source>%1 — %2%3 — Casebook</source>
        <translation>%1 — %2%3 — Casebook</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 hosts · %4 artifacts · %5 findings · %6 events</source>
        <translation>%1 · %2 · %3 Hosts · %4 Artefakte · %5 Befunde · %6 Ereignisse</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation>Fall öffnen</translation>
    </message>
    <message>
        <source>Could not open %1:
%2</source>
        <translation>%1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted collection(s) were marked incomplete.</source>
        <translation>
            <numerusform>%n unterbrochene Erhebung wurde als unvollständig markiert.</numerusform>
            <numerusform>%n unterbrochene Erhebungen wurden als unvollständig markiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Case Properties</source>
        <translation>Falleigenschaften</translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation>Kopie speichern</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>Copy saved to %1</source>
        <translation>Kopie gespeichert unter %1</translation>
    </message>
    <message>
        <source>Case title:</source>
        <translation>Falltitel:</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>About Casebook</source>
        <translation>Über Casebook</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Casebook %1&lt;/h3&gt;&lt;p&gt;An investigation workbench for Linux incident responders: procfs snapshots, kernel logs, strace and captures in one hashed, attributed case file; D-state triage, stack diff, timeline, notes and report drafts.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and KDE Syntax Highlighting.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Casebook %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für die Untersuchung von Linux-Störungen: procfs-Schnappschüsse, Kernel-Protokolle, strace und Mitschnitte in einer gehashten, zugeordneten Falldatei; D-State-Triage, Stack-Vergleich, Zeitleiste, Notizen und Berichtsentwürfe.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 und KDE Syntax Highlighting.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Artifact %1</source>
        <translation>Artefakt %1</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <source>&amp;Export for Sharing…</source>
        <translation>Zum &amp;Teilen exportieren…</translation>
    </message>
    <message>
        <source>Write a copy of the case, with host names, addresses and user names replaced if you choose.</source>
        <translation>Schreibt eine Kopie des Falls; auf Wunsch mit ersetzten Hostnamen, Adressen und Benutzernamen.</translation>
    </message>
    <message>
        <source>&amp;Merge Case…</source>
        <translation>Fall &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>Bring a colleague&apos;s evidence, findings and notes into this case.</source>
        <translation>Übernimmt Beweismittel, Befunde und Notizen eines Kollegen in diesen Fall.</translation>
    </message>
    <message>
        <source>&amp;Strace</source>
        <translation>&amp;Strace</translation>
    </message>
    <message>
        <source>Net&amp;work</source>
        <translation>Netz&amp;werk</translation>
    </message>
    <message>
        <source>Waiting for another process writing to this case (%1 s)…</source>
        <translation>Warte auf einen anderen Prozess, der in diesen Fall schreibt (%1 s)…</translation>
    </message>
    <message>
        <source>Saving a copy to %1…</source>
        <translation>Speichere eine Kopie unter %1…</translation>
    </message>
    <message>
        <source>St&amp;race</source>
        <translation>St&amp;race</translation>
    </message>
    <message>
        <source>Status &amp;Updates…</source>
        <translation>S&amp;tatusmeldungen…</translation>
    </message>
    <message>
        <source>Post the public status updates the report quotes (casectl status).</source>
        <translation>Die öffentlichen Statusmeldungen erfassen, die der Bericht zitiert (casectl status).</translation>
    </message>
    <message>
        <source>&amp;Action Items…</source>
        <translation>&amp;Aufgaben…</translation>
    </message>
    <message>
        <source>Follow-up work from the incident review, listed in the report (casectl action).</source>
        <translation>Folgearbeiten aus der Nachbetrachtung des Vorfalls, im Bericht aufgeführt (casectl action).</translation>
    </message>
    <message>
        <source>%1%2 — Casebook</source>
        <translation>%1%2 — Casebook</translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>%1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>no pane shows this kind of link.</source>
        <translation>kein Bereich zeigt diese Art von Verweis.</translation>
    </message>
    <message>
        <source>not found in its pane.</source>
        <translation>in seinem Bereich nicht gefunden.</translation>
    </message>
    <message>
        <source>Kernel log line %1</source>
        <translation>Kernel-Log-Zeile %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <source>Checking the whole case file in the background; read-only until the check passes…</source>
        <translation>Die ganze Falldatei wird im Hintergrund geprüft; schreibgeschützt, bis die Prüfung bestanden ist…</translation>
    </message>
    <message>
        <source>Integrity check passed.</source>
        <translation>Integritätsprüfung bestanden.</translation>
    </message>
    <message>
        <source>Integrity check passed, but the case stays read-only: %1</source>
        <translation>Integritätsprüfung bestanden, aber der Fall bleibt schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Integrity Check</source>
        <translation>Integritätsprüfung</translation>
    </message>
    <message>
        <source>This case failed its integrity check and stays open read-only; nothing will be written to it.

%1</source>
        <translation>Dieser Fall hat die Integritätsprüfung nicht bestanden und bleibt schreibgeschützt geöffnet; es wird nichts hineingeschrieben.

%1</translation>
    </message>
    <message>
        <source> (read-only while checking)</source>
        <translation> (schreibgeschützt während der Prüfung)</translation>
    </message>
    <message>
        <source> (read-only: failed its integrity check)</source>
        <translation> (schreibgeschützt: Integritätsprüfung nicht bestanden)</translation>
    </message>
</context>
<context>
    <name>MarkerDialog</name>
    <message>
        <source>Place Marker</source>
        <translation>Markierung setzen</translation>
    </message>
    <message>
        <source>What happened at this moment</source>
        <translation>Was in diesem Moment geschah</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Beschriftung:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Zeit:</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <source>Key moment</source>
        <translation>Schlüsselmoment</translation>
    </message>
</context>
<context>
    <name>MergeCaseAction</name>
    <message>
        <source>%1 rows added</source>
        <translation>%1 Zeilen hinzugefügt</translation>
    </message>
    <message>
        <source>already present: %1</source>
        <translation>bereits vorhanden: %1</translation>
    </message>
    <message>
        <source>Merge a Case into This One</source>
        <translation>Einen Fall in diesen zusammenführen</translation>
    </message>
    <message>
        <source>Case files (*.casebook)</source>
        <translation>Falldateien (*.casebook)</translation>
    </message>
    <message>
        <source>Merging %1…</source>
        <translation>Führe %1 zusammen…</translation>
    </message>
    <message>
        <source>Merge Case</source>
        <translation>Fall zusammenführen</translation>
    </message>
    <message>
        <source>Could not merge %1:
%2</source>
        <translation>%1 konnte nicht zusammengeführt werden:
%2</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Command: %1
Operator: %2
Tool: %3%4</source>
        <translation>Befehl: %1
Bearbeiter: %2
Werkzeug: %3%4</translation>
    </message>
    <message>
        <source>
Error: %1</source>
        <translation>
Fehler: %1</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source> [truncated]</source>
        <translation> [gekürzt]</translation>
    </message>
    <message>
        <source> [incomplete]</source>
        <translation> [unvollständig]</translation>
    </message>
    <message>
        <source>%1
SHA-256 %2
from %3</source>
        <translation>%1
SHA-256 %2
von %3</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <source>Kernel: %1</source>
        <translation>Kernel: %1</translation>
    </message>
    <message>
        <source>Host key: %1 %2</source>
        <translation>Hostschlüssel: %1 %2</translation>
    </message>
    <message>
        <source>Imports without a host</source>
        <translation>Importe ohne Host</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>(untitled note %1)</source>
        <translation>(Notiz %1 ohne Titel)</translation>
    </message>
    <message>
        <source>%1  [%2]</source>
        <translation>%1  [%2]</translation>
    </message>
</context>
<context>
    <name>NavigatorPane</name>
    <message>
        <source>&amp;View Raw</source>
        <translation>&amp;Rohdaten anzeigen</translation>
    </message>
    <message>
        <source>&amp;Export Artifact…</source>
        <translation>Artefakt &amp;exportieren…</translation>
    </message>
    <message>
        <source>Verify &amp;Hash</source>
        <translation>&amp;Hash prüfen</translation>
    </message>
    <message>
        <source>&amp;Re-collect…</source>
        <translation>&amp;Erneut erheben…</translation>
    </message>
    <message>
        <source>&amp;Open Note</source>
        <translation>Notiz ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Export Artifact</source>
        <translation>Artefakt exportieren</translation>
    </message>
    <message>
        <source>Artifact %1 is incomplete: it has no recorded hash (%2 bytes now hash to %3).</source>
        <translation>Artefakt %1 ist unvollständig: Es hat keinen gespeicherten Hash (%2 Bytes ergeben jetzt den Hash %3).</translation>
    </message>
    <message>
        <source>Artifact %1 is intact: SHA-256 %2 matches the recorded hash.</source>
        <translation>Artefakt %1 ist unversehrt: SHA-256 %2 stimmt mit dem gespeicherten Hash überein.</translation>
    </message>
    <message>
        <source>Artifact %1 does NOT match what was recorded: %2.</source>
        <translation>Artefakt %1 stimmt NICHT mit dem Gespeicherten überein: %2.</translation>
    </message>
</context>
<context>
    <name>NetworkPane</name>
    <message>
        <source>Capt&amp;ure:</source>
        <translation>&amp;Mitschnitt:</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Silent peers</source>
        <translation>Stumme Gegenstellen</translation>
    </message>
    <message>
        <source>Filter by address, port (2049), address:port, protocol or outcome (refused)…</source>
        <translation>Nach Adresse, Port (2049), Adresse:Port, Protokoll oder Ergebnis (abgewiesen) filtern…</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Konversationen</translation>
    </message>
    <message>
        <source>RPC</source>
        <translation>RPC</translation>
    </message>
    <message>
        <source>%1 of %2 conversations</source>
        <translation>%1 von %2 Konversationen</translation>
    </message>
    <message>
        <source>All captures</source>
        <translation>Alle Mitschnitte</translation>
    </message>
    <message>
        <source>No packet captures in this case.

Import a pcap or pcapng file (Case ▸ Import…, or drop it on the window), or capture on a host with tcpdump (casectl collect CASE HOST --tcpdump IFACE).</source>
        <translation>Keine Paketmitschnitte in diesem Fall.

Importieren Sie eine pcap- oder pcapng-Datei (Fall ▸ Importieren…, oder ziehen Sie sie auf das Fenster), oder schneiden Sie auf einem Host mit tcpdump mit (casectl collect CASE HOST --tcpdump IFACE).</translation>
    </message>
    <message>
        <source>No captures.</source>
        <translation>Keine Mitschnitte.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>All captures (%1)</source>
        <translation>Alle Mitschnitte (%1)</translation>
    </message>
    <message>
        <source>#%1 %2 · %3 packets · %4</source>
        <translation>#%1 %2 · %3 Pakete · %4</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source> · ⚠ corrupt</source>
        <translation> · ⚠ beschädigt</translation>
    </message>
    <message>
        <source> · ⚠ cut short</source>
        <translation> · ⚠ abgeschnitten</translation>
    </message>
    <message>
        <source> · ⚠ warnings</source>
        <translation> · ⚠ Warnungen</translation>
    </message>
    <message>
        <source>%1 packets · %2 conversations · %3 silent peers · %4 RPC calls</source>
        <translation>%1 Pakete · %2 Konversationen · %3 stumme Gegenstellen · %4 RPC-Aufrufe</translation>
    </message>
    <message>
        <source>Every destination in view answered at least once.</source>
        <translation>Jedes Ziel in dieser Ansicht hat mindestens einmal geantwortet.</translation>
    </message>
    <message>
        <source>%1 port %2/%3%4: %5 packet(s) sent, not one came back</source>
        <translation>%1 Port %2/%3%4: %5 Paket(e) gesendet, kein einziges kam zurück</translation>
    </message>
    <message>
        <source> — %1 SYNs over %2, no SYN-ACK, no RST</source>
        <translation> — %1 SYNs über %2, kein SYN-ACK, kein RST</translation>
    </message>
    <message numerus="yes">
        <source>%n destination(s) were sent packets and never answered:</source>
        <translation>
            <numerusform>An %n Ziel wurden Pakete gesendet, ohne dass es je antwortete:</numerusform>
            <numerusform>An %n Ziele wurden Pakete gesendet, ohne dass sie je antworteten:</numerusform>
        </translation>
    </message>
    <message>
        <source>Silent peers (%1)</source>
        <translation>Stumme Gegenstellen (%1)</translation>
    </message>
    <message>
        <source>Conversations (%1)</source>
        <translation>Konversationen (%1)</translation>
    </message>
    <message>
        <source>RPC (%1 unanswered)</source>
        <translation>RPC (%1 unbeantwortet)</translation>
    </message>
</context>
<context>
    <name>NetworkTable</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>NetworkText</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Write in Markdown. Link evidence with [[finding:12]], [[task:host/123]], [[artifact:5]]; Ctrl+click a link to follow it.</source>
        <translation>In Markdown schreiben. Beweismittel verknüpfen mit [[finding:12]], [[task:host/123]], [[artifact:5]]; Strg+Klick folgt einem Verweis.</translation>
    </message>
</context>
<context>
    <name>NoteHistoryModel</name>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>+%1 −%2</source>
        <translation>+%1 −%2</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>%1 by %2, audit log entry %3</source>
        <translation>%1 von %2, Audit-Log-Eintrag %3</translation>
    </message>
</context>
<context>
    <name>NoteHistoryView</name>
    <message>
        <source>Select a version to see what it changed.</source>
        <translation>Wählen Sie eine Version, um zu sehen, was sie geändert hat.</translation>
    </message>
    <message>
        <source>&amp;Restore This Version</source>
        <translation>Diese Version &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Make the selected text the note&apos;s current text. The restore is itself recorded in the audit log.</source>
        <translation>Macht den ausgewählten Text zum aktuellen Text der Notiz. Die Wiederherstellung wird selbst im Prüfprotokoll festgehalten.</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>(untitled note %1)</source>
        <translation>(Notiz %1 ohne Titel)</translation>
    </message>
    <message>
        <source>Modified %1 by %2%3</source>
        <translation>Geändert %1 von %2%3</translation>
    </message>
    <message>
        <source>
About %1</source>
        <translation>
Betrifft %1</translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message>
        <source>Filter notes, or #tag…</source>
        <translation>Notizen filtern oder #Schlagwort…</translation>
    </message>
    <message>
        <source>&amp;New Note</source>
        <translation>&amp;Neue Notiz</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Tags, comma separated (e.g. nfs, root-cause)</source>
        <translation>Schlagwörter, durch Komma getrennt (z. B. nfs, root-cause)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>New Note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert %1</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Delete the note &quot;%1&quot;? Its text stays in the audit log.</source>
        <translation>Die Notiz „%1“ löschen? Ihr Text bleibt im Prüfprotokoll erhalten.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Lade Verlauf…</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) in the audit log.</source>
        <translation>
            <numerusform>%n Version im Prüfprotokoll.</numerusform>
            <numerusform>%n Versionen im Prüfprotokoll.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>Der Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichere…</translation>
    </message>
</context>
<context>
    <name>PidPickerDialog</name>
    <message>
        <source>Choose Processes</source>
        <translation>Prozesse auswählen</translation>
    </message>
    <message>
        <source>Filter by name or PID</source>
        <translation>Nach Name oder PID filtern</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Eltern</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Reading the processes of this machine…</source>
        <translation>Lese die Prozesse dieses Rechners…</translation>
    </message>
    <message>
        <source>Processes: %1. Select one or more.</source>
        <translation>Prozesse: %1. Einen oder mehrere auswählen.</translation>
    </message>
</context>
<context>
    <name>ProcessesModel</name>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Wait channel</source>
        <translation>Wartekanal</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>PID ns</source>
        <translation>PID-NS</translation>
    </message>
    <message>
        <source>Cgroup</source>
        <translation>Cgroup</translation>
    </message>
    <message>
        <source>Top of stack</source>
        <translation>Stack-Spitze</translation>
    </message>
</context>
<context>
    <name>ProcessesPane</name>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>D (uninterruptible)</source>
        <translation>D (nicht unterbrechbar)</translation>
    </message>
    <message>
        <source>Z (zombie)</source>
        <translation>Z (Zombie)</translation>
    </message>
    <message>
        <source>D and Z</source>
        <translation>D und Z</translation>
    </message>
    <message>
        <source>R (running)</source>
        <translation>R (laufend)</translation>
    </message>
    <message>
        <source>S (sleeping)</source>
        <translation>S (schlafend)</translation>
    </message>
    <message>
        <source>Filter by command, wchan, user, cgroup or PID…</source>
        <translation>Nach Befehl, wchan, Benutzer, Cgroup oder PID filtern…</translation>
    </message>
    <message>
        <source>Snapsh&amp;ot:</source>
        <translation>Sc&amp;hnappschuss:</translation>
    </message>
    <message>
        <source>Co&amp;mpare with:</source>
        <translation>&amp;Vergleichen mit:</translation>
    </message>
    <message>
        <source>Choose a snapshot to compare with to see which tasks appeared, cleared or changed.</source>
        <translation>Wählen Sie einen Vergleichsschnappschuss, um zu sehen, welche Tasks hinzukamen, verschwanden oder sich änderten.</translation>
    </message>
    <message>
        <source>%1 of %2 tasks shown</source>
        <translation>%1 von %2 Tasks angezeigt</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 tasks</source>
        <translation>%1 · %2 · %3 Tasks</translation>
    </message>
    <message>
        <source>Loading tasks…</source>
        <translation>Lade Tasks…</translation>
    </message>
    <message>
        <source>%1 of %2 tasks shown · %3 in D · %4 zombie</source>
        <translation>%1 von %2 Tasks angezeigt · %3 in D · %4 Zombie</translation>
    </message>
    <message>
        <source>From the compared snapshot to this one:</source>
        <translation>Vom Vergleichsschnappschuss zu diesem:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Appeared</source>
        <translation>Hinzugekommen</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Verschwunden</translation>
    </message>
    <message>
        <source>Changed stack or state</source>
        <translation>Stack oder Zustand geändert</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>Unverändert: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>There is no artifact %1 in this case.</source>
        <translation>In diesem Fall gibt es kein Artefakt %1.</translation>
    </message>
    <message>
        <source>There is no artifact %1.</source>
        <translation>Es gibt kein Artefakt %1.</translation>
    </message>
</context>
<context>
    <name>ReportPane</name>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Regenerate from case</source>
        <translation>Aus dem Fall neu erstellen</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>Berichtssprache:</translation>
    </message>
    <message>
        <source>Open a case to draft its incident report.</source>
        <translation>Öffnen Sie einen Fall, um seinen Vorfallbericht zu entwerfen.</translation>
    </message>
    <message>
        <source>Edit (Markdown)</source>
        <translation>Bearbeiten (Markdown)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Edited, not saved</source>
        <translation>Bearbeitet, nicht gespeichert</translation>
    </message>
    <message>
        <source>Could not draft the report: %1</source>
        <translation>Der Bericht konnte nicht entworfen werden: %1</translation>
    </message>
    <message>
        <source>Draft generated from the case</source>
        <translation>Entwurf aus dem Fall erstellt</translation>
    </message>
    <message>
        <source>Saved draft</source>
        <translation>Gespeicherter Entwurf</translation>
    </message>
    <message>
        <source>Drafting…</source>
        <translation>Entwerfe…</translation>
    </message>
    <message>
        <source>Draft saved in the case</source>
        <translation>Entwurf im Fall gespeichert</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>Es ist kein Fall geöffnet.</translation>
    </message>
    <message>
        <source>Unknown format %1</source>
        <translation>Unbekanntes Format %1</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;PDF (*.pdf)</source>
        <translation>Markdown (*.md);;HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht geschrieben nach %1</translation>
    </message>
</context>
<context>
    <name>RpcCallsModel</name>
    <message>
        <source>no reply</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
    <message>
        <source>Called (UTC)</source>
        <translation>Aufgerufen (UTC)</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Prozedur</translation>
    </message>
    <message>
        <source>XID</source>
        <translation>XID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Retransmits</source>
        <translation>Neuübertragungen</translation>
    </message>
</context>
<context>
    <name>RpcPage</name>
    <message>
        <source>Only calls that were never answered</source>
        <translation>Nur Aufrufe, die nie beantwortet wurden</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Prozeduren</translation>
    </message>
    <message>
        <source>Registered programs (from portmapper/rpcbind replies)</source>
        <translation>Registrierte Programme (aus Antworten von portmapper/rpcbind)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>No ONC RPC (NFS, mountd, lockd, statd, portmapper) seen in this traffic.</source>
        <translation>In diesem Verkehr wurde kein ONC RPC (NFS, mountd, lockd, statd, portmapper) gesehen.</translation>
    </message>
    <message>
        <source>%1 RPC calls to %2 procedure(s); %3 never answered.</source>
        <translation>%1 RPC-Aufrufe an %2 Prozedur(en); %3 nie beantwortet.</translation>
    </message>
</context>
<context>
    <name>RpcProceduresModel</name>
    <message>
        <source>min %1 ms, avg %2 ms, max %3 ms</source>
        <translation>min. %1 ms, Ø %2 ms, max. %3 ms</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Prozedur</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>Unbeantwortet</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Retransmits</source>
        <translation>Neuübertragungen</translation>
    </message>
    <message>
        <source>Avg ms</source>
        <translation>Ø ms</translation>
    </message>
    <message>
        <source>Max ms</source>
        <translation>Max. ms</translation>
    </message>
</context>
<context>
    <name>RpcRegistrationsModel</name>
    <message>
        <source>NOT REGISTERED</source>
        <translation>NICHT REGISTRIERT</translation>
    </message>
    <message>
        <source>%1 not registered at %2: rpc.statd is not running there, so NFSv3 locks (lockd/NLM) cannot be recovered or granted reliably.</source>
        <translation>%1 ist bei %2 nicht registriert: rpc.statd läuft dort nicht, daher können NFSv3-Sperren (lockd/NLM) nicht zuverlässig wiederhergestellt oder gewährt werden.</translation>
    </message>
    <message>
        <source>%1 not registered at %2: lockd is not running there; NFSv3 flock/fcntl locks will hang or fail.</source>
        <translation>%1 ist bei %2 nicht registriert: lockd läuft dort nicht; NFSv3-Sperren per flock/fcntl werden hängen oder fehlschlagen.</translation>
    </message>
    <message>
        <source>%1 not registered at %2: the NFS server side is not running there.</source>
        <translation>%1 ist bei %2 nicht registriert: Die NFS-Serverseite läuft dort nicht.</translation>
    </message>
    <message>
        <source>%1 not registered at %2: its portmapper says no such service is running.</source>
        <translation>%1 ist bei %2 nicht registriert: Sein portmapper meldet, dass kein solcher Dienst läuft.</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Learnt from</source>
        <translation>Ermittelt aus</translation>
    </message>
</context>
<context>
    <name>SafeFileDialog</name>
    <message>
        <source>Parent folder</source>
        <translation>Übergeordneter Ordner</translation>
    </message>
    <message>
        <source>Home folder</source>
        <translation>Persönlicher Ordner</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Datei&amp;name:</translation>
    </message>
    <message>
        <source>Reading %1, a network or FUSE mount: if it does not answer, this stays here and Casebook goes on working; choose another folder.</source>
        <translation>Lese %1, ein Netzwerk- oder FUSE-Mount: Antwortet er nicht, bleibt diese Anzeige stehen und Casebook arbeitet weiter; wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>A network or FUSE mount: not looked into, so that a server or daemon that does not answer cannot stop Casebook. Open it to read it.</source>
        <translation>Ein Netzwerk- oder FUSE-Mount: nicht hineingeschaut, damit ein Server oder Daemon, der nicht antwortet, Casebook nicht aufhalten kann. Öffnen Sie ihn, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>mount, not probed</source>
        <translation>Mount, nicht geprüft</translation>
    </message>
    <message numerus="yes">
        <source>%n network or FUSE mount(s) here are shown but not looked into.</source>
        <translation>
            <numerusform>%n Netzwerk- oder FUSE-Mount wird hier angezeigt, aber nicht geprüft.</numerusform>
            <numerusform>%n Netzwerk- oder FUSE-Mounts werden hier angezeigt, aber nicht geprüft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SilentPeersModel</name>
    <message>
        <source>%1 bytes on the wire</source>
        <translation>%1 Bytes auf der Leitung</translation>
    </message>
    <message>
        <source>Not TCP: datagrams sent, nothing came back.</source>
        <translation>Kein TCP: Datagramme gesendet, nichts kam zurück.</translation>
    </message>
    <message>
        <source>%1 SYNs in %2 connection attempt(s): the client retried %3 time(s) and never got a SYN-ACK or a RST.</source>
        <translation>%1 SYNs in %2 Verbindungsversuch(en): Der Client hat es %3-mal erneut versucht und nie ein SYN-ACK oder RST erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n retries)</source>
        <translation>
            <numerusform>%1 (%n Wiederholung)</numerusform>
            <numerusform>%1 (%n Wiederholungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Packets sent</source>
        <translation>Gesendete Pakete</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Gesendete Bytes</translation>
    </message>
    <message>
        <source>SYNs</source>
        <translation>SYNs</translation>
    </message>
    <message>
        <source>First (UTC)</source>
        <translation>Zuerst (UTC)</translation>
    </message>
    <message>
        <source>Kept trying for</source>
        <translation>Versuchsdauer</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
</context>
<context>
    <name>StackDiffModel</name>
    <message>
        <source>Differs: only on this side at this depth</source>
        <translation>Unterschied: nur auf dieser Seite in dieser Tiefe</translation>
    </message>
    <message>
        <source>Common frame</source>
        <translation>Gemeinsamer Frame</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
</context>
<context>
    <name>StackGroupsModel</name>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>Wait channel</source>
        <translation>Wartekanal</translation>
    </message>
    <message>
        <source>Stack (innermost first)</source>
        <translation>Stack (innerster zuerst)</translation>
    </message>
</context>
<context>
    <name>StacksPane</name>
    <message>
        <source>Snapsh&amp;ot:</source>
        <translation>Sc&amp;hnappschuss:</translation>
    </message>
    <message>
        <source>&amp;Diff Selected Groups</source>
        <translation>Ausgewählte Gruppen &amp;vergleichen</translation>
    </message>
    <message>
        <source>Select two groups (Ctrl+click) and compare their stacks</source>
        <translation>Zwei Gruppen auswählen (Strg+Klick) und ihre Stacks vergleichen</translation>
    </message>
    <message>
        <source>A: task:web-3/4242, group:SIG@12, snapshot:3, host:web-3</source>
        <translation>A: task:web-3/4242, group:SIG@12, snapshot:3, host:web-3</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>&amp;Groups and Diff</source>
        <translation>&amp;Gruppen und Vergleich</translation>
    </message>
    <message>
        <source>Fleet &amp;Matrix</source>
        <translation>&amp;Flottenmatrix</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 tasks</source>
        <translation>%1 · %2 · %3 Tasks</translation>
    </message>
    <message>
        <source>Select exactly two groups to compare.</source>
        <translation>Wählen Sie genau zwei Gruppen zum Vergleichen.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Vergleiche…</translation>
    </message>
    <message>
        <source>%1 frames in common, %2 only in A, %3 only in B</source>
        <translation>%1 gemeinsame Frames, %2 nur in A, %3 nur in B</translation>
    </message>
    <message>
        <source>%1 %2→%3 (%4)</source>
        <translation>%1 %2→%3 (%4)</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) with the kernel stack %1</source>
        <translation>
            <numerusform>%n Task mit dem Kernel-Stack %1</numerusform>
            <numerusform>%n Tasks mit dem Kernel-Stack %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateChart</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Tasks per state</source>
        <translation>Tasks je Zustand</translation>
    </message>
    <message>
        <source>Tasks per wait channel (top 10)</source>
        <translation>Tasks je Wartekanal (Top 10)</translation>
    </message>
</context>
<context>
    <name>StatusActionsDialog</name>
    <message>
        <source>Status Updates and Action Items</source>
        <translation>Statusmeldungen und Aufgaben</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>What the people affected should know now, e.g. &quot;Engineers are bringing the server back online.&quot;</source>
        <translation>Was die Betroffenen jetzt wissen sollten, z. B. „Die Techniker nehmen den Server wieder in Betrieb.“</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>&amp;Um</translation>
    </message>
    <message>
        <source>&amp;Post Update</source>
        <translation>Meldung &amp;veröffentlichen</translation>
    </message>
    <message>
        <source>&amp;Status Updates</source>
        <translation>&amp;Statusmeldungen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>D&amp;rop</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>R&amp;eopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>Follow-up work, e.g. &quot;Alert on lockd not responding&quot;</source>
        <translation>Folgearbeit, z. B. „Alarm, wenn lockd nicht antwortet“</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>&amp;Fällig</translation>
    </message>
    <message>
        <source>&amp;Add Item</source>
        <translation>Aufgabe &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>Auf&amp;gabe:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>Verant&amp;wortlich:</translation>
    </message>
    <message>
        <source>&amp;Action Items</source>
        <translation>&amp;Aufgaben</translation>
    </message>
    <message>
        <source>The case is read-only: updates and items are shown, not written.</source>
        <translation>Der Fall ist schreibgeschützt: Meldungen und Aufgaben werden angezeigt, nicht geschrieben.</translation>
    </message>
    <message>
        <source>Status Update</source>
        <translation>Statusmeldung</translation>
    </message>
    <message>
        <source>Action Item</source>
        <translation>Aufgabe</translation>
    </message>
</context>
<context>
    <name>StraceCallsModel</name>
    <message>
        <source>Still waiting when the trace ended; the log has no later time, so how long is not known.</source>
        <translation>Wartete noch, als die Aufzeichnung endete; das Protokoll enthält keine spätere Zeit, daher ist unbekannt, wie lange.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>nicht bekannt</translation>
    </message>
    <message>
        <source>signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>strace detached</source>
        <translation>strace getrennt</translation>
    </message>
    <message>
        <source>never returned</source>
        <translation>nie zurückgekehrt</translation>
    </message>
    <message>
        <source>%1
%2 line %3 — double-click to open the raw log</source>
        <translation>%1
%2 Zeile %3 — Doppelklick öffnet das Rohprotokoll</translation>
    </message>
    <message>
        <source>Still waiting when the trace ended (or strace detached): at least this long.</source>
        <translation>Wartete noch, als die Aufzeichnung endete (oder strace sich trennte): mindestens so lange.</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Syscall</source>
        <translation>Syscall</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Gewartet</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Call as strace printed it</source>
        <translation>Aufruf, wie strace ihn ausgab</translation>
    </message>
</context>
<context>
    <name>StraceErrorsModel</name>
    <message>
        <source>Double-click to search every call that failed with %1</source>
        <translation>Doppelklick sucht alle Aufrufe, die mit %1 fehlschlugen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Syscall</source>
        <translation>Syscall</translation>
    </message>
    <message>
        <source>Failed calls</source>
        <translation>Fehlgeschlagene Aufrufe</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
</context>
<context>
    <name>StraceFdsModel</name>
    <message>
        <source>%1
Followed from the calls that opened it (the log was traced without -y).</source>
        <translation>%1
Erschlossen aus den Aufrufen, die ihn öffneten (das Protokoll wurde ohne -y aufgezeichnet).</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>FD</source>
        <translation>FD</translation>
    </message>
    <message>
        <source>Refers to</source>
        <translation>Verweist auf</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Zuerst gesehen (UTC)</translation>
    </message>
</context>
<context>
    <name>StracePane</name>
    <message>
        <source>fd %1 is %2 (followed from the log&apos;s own calls; traced without -y)</source>
        <translation>fd %1 ist %2 (erschlossen aus den Aufrufen im Protokoll; ohne -y aufgezeichnet)</translation>
    </message>
    <message>
        <source>how long it waited is not known</source>
        <translation>wie lange er wartete, ist nicht bekannt</translation>
    </message>
    <message>
        <source>no timestamps in the log</source>
        <translation>keine Zeitstempel im Protokoll</translation>
    </message>
    <message>
        <source>an unknown process (the log names no pids)</source>
        <translation>ein unbekannter Prozess (das Protokoll nennt keine PIDs)</translation>
    </message>
    <message>
        <source>&amp;Log:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <source>Hung calls</source>
        <translation>Hängende Aufrufe</translation>
    </message>
    <message>
        <source>All processes together</source>
        <translation>Alle Prozesse zusammen</translation>
    </message>
    <message>
        <source>Each process separately</source>
        <translation>Jeder Prozess einzeln</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message numerus="yes">
        <source>The %n longest completed call(s), as strace -T measured them.</source>
        <translation>
            <numerusform>Der %n längste abgeschlossene Aufruf, wie strace -T ihn gemessen hat.</numerusform>
            <numerusform>Die %n längsten abgeschlossenen Aufrufe, wie strace -T sie gemessen hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Slowest</source>
        <translation>Langsamste</translation>
    </message>
    <message>
        <source>Failed calls by error and syscall. Double-click a row to search those calls.</source>
        <translation>Fehlgeschlagene Aufrufe nach Fehler und Syscall. Doppelklick auf eine Zeile sucht diese Aufrufe.</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Children under the process whose fork/clone returned their PID.</source>
        <translation>Kindprozesse unter dem Prozess, dessen fork/clone ihre PID zurückgab.</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Filter by path, socket or connection…</source>
        <translation>Nach Pfad, Socket oder Verbindung filtern…</translation>
    </message>
    <message>
        <source>What each descriptor was: as strace -y/-yy printed it, or (in italics) followed from the log&apos;s own open/dup/socket/close calls. Double-click to search its calls.</source>
        <translation>Was jeder Deskriptor war: wie strace -y/-yy ihn ausgab, oder (kursiv) erschlossen aus den open/dup/socket/close-Aufrufen im Protokoll selbst. Doppelklick sucht seine Aufrufe.</translation>
    </message>
    <message>
        <source>File descriptors</source>
        <translation>Dateideskriptoren</translation>
    </message>
    <message>
        <source>Search every call for text (like grep -F, case-sensitive)…</source>
        <translation>Alle Aufrufe nach Text durchsuchen (wie grep -F, Groß-/Kleinschreibung beachtet)…</translation>
    </message>
    <message>
        <source>Type text to search the calls&apos; names, arguments, paths, results and errors.</source>
        <translation>Geben Sie Text ein, um Namen, Argumente, Pfade, Ergebnisse und Fehler der Aufrufe zu durchsuchen.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Select a call to see it in full.</source>
        <translation>Wählen Sie einen Aufruf, um ihn vollständig zu sehen.</translation>
    </message>
    <message>
        <source>Loading strace evidence…</source>
        <translation>Lade strace-Beweismittel…</translation>
    </message>
    <message>
        <source>Could not read the strace evidence: %1</source>
        <translation>Die strace-Beweismittel konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No strace evidence in this case yet: collect with strace or import a strace log.</source>
        <translation>Noch keine strace-Beweismittel in diesem Fall: mit strace erheben oder ein strace-Protokoll importieren.</translation>
    </message>
    <message numerus="yes">
        <source>%n log file(s)</source>
        <translation>
            <numerusform>%n Protokolldatei</numerusform>
            <numerusform>%n Protokolldateien</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 Aufrufe</translation>
    </message>
    <message>
        <source>%1 never returned</source>
        <translation>%1 nie zurückgekehrt</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n Prozess</numerusform>
            <numerusform>%n Prozesse</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lines not understood</source>
        <translation>%1 Zeilen nicht verstanden</translation>
    </message>
    <message>
        <source>incomplete or cut short</source>
        <translation>unvollständig oder abgeschnitten</translation>
    </message>
    <message numerus="yes">
        <source>All strace logs (%n collection(s), %1 calls)</source>
        <translation>
            <numerusform>Alle strace-Protokolle (%n Erhebung, %1 Aufrufe)</numerusform>
            <numerusform>Alle strace-Protokolle (%n Erhebungen, %1 Aufrufe)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more file(s)</source>
        <translation>
            <numerusform> und %n weitere Datei</numerusform>
            <numerusform> und %n weitere Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 unparsed</source>
        <translation>%1 nicht geparst</translation>
    </message>
    <message>
        <source>Collection %1</source>
        <translation>Erhebung %1</translation>
    </message>
    <message>
        <source>File descriptors (reading…)</source>
        <translation>Dateideskriptoren (wird gelesen…)</translation>
    </message>
    <message>
        <source>No call was left hanging: every traced call returned before the trace ended.</source>
        <translation>Kein Aufruf blieb hängen: Jeder aufgezeichnete Aufruf kehrte zurück, bevor die Aufzeichnung endete.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) never returned before the trace ended or strace detached; longest wait first. They waited at least as long as shown. Double-click to open the raw log.</source>
        <translation>
            <numerusform>%n Aufruf kehrte nicht zurück, bevor die Aufzeichnung endete oder strace sich trennte; längste Wartezeit zuerst. Er wartete mindestens so lange wie angezeigt. Doppelklick öffnet das Rohprotokoll.</numerusform>
            <numerusform>%n Aufrufe kehrten nicht zurück, bevor die Aufzeichnung endete oder strace sich trennte; längste Wartezeit zuerst. Sie warteten mindestens so lange wie angezeigt. Doppelklick öffnet das Rohprotokoll.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 calls · %n error(s) · %2 in calls (strace -T)</source>
        <translation>
            <numerusform>%1 Aufrufe · %n Fehler · %2 in Aufrufen (strace -T)</numerusform>
            <numerusform>%1 Aufrufe · %n Fehler · %2 in Aufrufen (strace -T)</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no strace call %1 in this case.</source>
        <translation>In diesem Fall gibt es keinen strace-Aufruf %1.</translation>
    </message>
    <message>
        <source>Call %1, as the evidence link names it.</source>
        <translation>Aufruf %1, wie ihn der Beweismittel-Verweis nennt.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>Showing the first %1 calls containing %2; there are more: search for something more specific.</source>
        <translation>Zeige die ersten %1 Aufrufe, die %2 enthalten; es gibt weitere: Suchen Sie nach etwas Genauerem.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) contain %1.</source>
        <translation>
            <numerusform>%n Aufruf enthält %1.</numerusform>
            <numerusform>%n Aufrufe enthalten %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>Beginn %1</translation>
    </message>
    <message>
        <source>waited at least %1</source>
        <translation>wartete mindestens %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>dauerte %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>The raw log of this call is not in the case.</source>
        <translation>Das Rohprotokoll dieses Aufrufs ist nicht im Fall enthalten.</translation>
    </message>
</context>
<context>
    <name>StraceProcessTreeModel</name>
    <message>
        <source>? (no pid in the log)</source>
        <translation>? (keine PID im Protokoll)</translation>
    </message>
    <message>
        <source>killed by %1 (core dumped)</source>
        <translation>durch %1 beendet (Core Dump)</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>durch %1 beendet</translation>
    </message>
    <message>
        <source>exited with %1</source>
        <translation>mit Exit-Code %1 beendet</translation>
    </message>
    <message>
        <source>still running when the trace ended</source>
        <translation>lief noch, als die Aufzeichnung endete</translation>
    </message>
    <message>
        <source>(no execve seen)</source>
        <translation>(kein execve gesehen)</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Zuerst gesehen (UTC)</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Zuletzt gesehen (UTC)</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
</context>
<context>
    <name>StraceSummaryModel</name>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Time inside the call as strace -T measured it (completed calls only).</source>
        <translation>Zeit innerhalb des Aufrufs, wie strace -T sie gemessen hat (nur abgeschlossene Aufrufe).</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Syscall</source>
        <translation>Syscall</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>Längster</translation>
    </message>
    <message>
        <source>% time</source>
        <translation>% Zeit</translation>
    </message>
</context>
<context>
    <name>TimelinePane</name>
    <message>
        <source>Filter the timeline by text or kind…</source>
        <translation>Zeitleiste nach Text oder Art filtern…</translation>
    </message>
    <message>
        <source>So&amp;urces</source>
        <translation>&amp;Quellen</translation>
    </message>
    <message>
        <source>H&amp;osts</source>
        <translation>&amp;Hosts</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show everything (Home)</source>
        <translation>Alles zeigen (Pos1)</translation>
    </message>
    <message>
        <source>&amp;Marker…</source>
        <translation>&amp;Markierung…</translation>
    </message>
    <message>
        <source>Place a marker (detection, diagnosis, repair, key moment) at the centre of the view</source>
        <translation>Eine Markierung (Erkennung, Diagnose, Behebung, Schlüsselmoment) in der Mitte der Ansicht setzen</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>(case-wide)</source>
        <translation>(fallweit)</translation>
    </message>
    <message>
        <source>Reading the timeline…</source>
        <translation>Lese die Zeitleiste…</translation>
    </message>
    <message>
        <source>No timed items match.</source>
        <translation>Keine zeitlichen Einträge passen.</translation>
    </message>
    <message>
        <source>%1 items in %2 lanes · view %3 · %4</source>
        <translation>%1 Einträge in %2 Spuren · Ansicht %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>%n items shown</source>
        <translation>
            <numerusform>%n Eintrag angezeigt</numerusform>
            <numerusform>%n Einträge angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>aggregated (zoom in for items)</source>
        <translation>zusammengefasst (für Einzeleinträge vergrößern)</translation>
    </message>
    <message>
        <source> · loading…</source>
        <translation> · lädt…</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 — %4  (Enter or double-click opens the evidence)</source>
        <translation>%1 · %2 · %3 — %4  (Enter oder Doppelklick öffnet das Beweismittel)</translation>
    </message>
    <message>
        <source>Place Marker</source>
        <translation>Markierung setzen</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Nothing timed in this case yet</source>
        <translation>Noch nichts Zeitliches in diesem Fall</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Nothing to show: collect or import evidence, or widen the filter.</source>
        <translation>Nichts anzuzeigen: Beweismittel erheben oder importieren, oder den Filter erweitern.</translation>
    </message>
    <message>
        <source>Place &amp;Marker Here…</source>
        <translation>&amp;Markierung hier setzen…</translation>
    </message>
    <message>
        <source>Add &amp;Note at This Time…</source>
        <translation>&amp;Notiz zu diesem Zeitpunkt…</translation>
    </message>
    <message>
        <source>Zoom &amp;In Here</source>
        <translation>Hier &amp;vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Verkleinern</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>&amp;Alles einpassen</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Casebook</source>
        <translation>Casebook</translation>
    </message>
    <message>
        <source>Investigate hung Linux hosts: collect procfs snapshots, kernel logs, strace and captures into one case file, find the blocked tasks and what they wait on, and write it up.</source>
        <translation>Hängende Linux-Hosts untersuchen: procfs-Schnappschüsse, Kernel-Protokolle, strace und Mitschnitte in einer Falldatei sammeln, die blockierten Tasks finden und worauf sie warten, und alles aufschreiben.</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>&amp;Neuer Fall…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>Fall ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Collect from This Machine…</source>
        <translation>Von diesem Rechner &amp;erheben…</translation>
    </message>
    <message>
        <source>Create a case and collect from the local machine (host &apos;local&apos;)</source>
        <translation>Einen Fall anlegen und vom lokalen Rechner erheben (Host &apos;local&apos;)</translation>
    </message>
    <message>
        <source>&amp;Recent cases:</source>
        <translation>&amp;Zuletzt geöffnete Fälle:</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Casebook, the investigation workbench for Linux incident responders.</source>
        <translation>Casebook, die Werkbank für die Untersuchung von Linux-Störungen.</translation>
    </message>
    <message>
        <source>Case file (*.casebook) to open.</source>
        <translation>Zu öffnende Falldatei (*.casebook).</translation>
    </message>
</context>
</TS>
