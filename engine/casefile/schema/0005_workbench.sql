-- Schema 5: reserved for the workbench area (filled in by that area's work).
SELECT 1;
