-- Schema 6: reserved for the report area (filled in by that area's work).
SELECT 1;
