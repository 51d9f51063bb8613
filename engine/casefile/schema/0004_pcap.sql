-- Schema 4: reserved for the pcap area (filled in by that area's work).
SELECT 1;
