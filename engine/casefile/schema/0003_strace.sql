-- Schema 3: reserved for the strace area (filled in by that area's work).
SELECT 1;
