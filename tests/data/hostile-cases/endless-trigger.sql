-- expect: trigger spin (not created by Casebook)
-- A trigger that never ends: it used to hang casectl notes and the GUI's New Note.
CREATE TRIGGER spin AFTER INSERT ON notes BEGIN
  SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c);
END;
