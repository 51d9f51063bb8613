-- Schema 2: reserved for the procfs area (filled in by that area's work).
SELECT 1;
