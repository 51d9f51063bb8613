-- Schema 7: a stored summary of the timeline.
--
-- Counts of `events` per lane (host, source) in fixed, epoch-aligned time
-- buckets of two widths: one minute and one hour. The timeline's first paint
-- and its zoomed-out views read these few thousand rows instead of a pass over
-- millions of events. Kept exact by the triggers below on every insert,
-- delete and update of `events`, whoever writes (collectors, importers,
-- analyses, markers, merge, casectl); built here for existing cases.
--
-- bucket = floor(at_us / width_us); host_id 0 = an event without a host.
-- Rows whose count drops to 0 are removed. It is derived data: a merge does
-- not copy it (the merged events update it through the triggers).
CREATE TABLE timeline_counts (
    width_us         INTEGER NOT NULL,
    bucket           INTEGER NOT NULL,
    host_id          INTEGER NOT NULL,
    source           TEXT NOT NULL,
    n                INTEGER NOT NULL,
    PRIMARY KEY (width_us, bucket, host_id, source)
) STRICT, WITHOUT ROWID;

INSERT INTO timeline_counts(width_us, bucket, host_id, source, n)
    SELECT 60000000, at_us / 60000000 - (at_us < 0 AND at_us % 60000000 <> 0) AS b,
           coalesce(host_id, 0) AS h, source, count(*)
    FROM events GROUP BY b, h, source;
INSERT INTO timeline_counts(width_us, bucket, host_id, source, n)
    SELECT 3600000000, bucket / 60 - (bucket < 0 AND bucket % 60 <> 0) AS b, host_id, source, sum(n)
    FROM timeline_counts WHERE width_us = 60000000 GROUP BY b, host_id, source;

CREATE TRIGGER timeline_counts_event_insert AFTER INSERT ON events
BEGIN
    INSERT INTO timeline_counts(width_us, bucket, host_id, source, n) VALUES
        (60000000, NEW.at_us / 60000000 - (NEW.at_us < 0 AND NEW.at_us % 60000000 <> 0), coalesce(NEW.host_id, 0), NEW.source, 1),
        (3600000000, NEW.at_us / 3600000000 - (NEW.at_us < 0 AND NEW.at_us % 3600000000 <> 0), coalesce(NEW.host_id, 0), NEW.source, 1)
        ON CONFLICT (width_us, bucket, host_id, source) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER timeline_counts_event_delete AFTER DELETE ON events
BEGIN
    UPDATE timeline_counts SET n = n - 1
        WHERE width_us = 60000000 AND bucket = OLD.at_us / 60000000 - (OLD.at_us < 0 AND OLD.at_us % 60000000 <> 0) AND host_id = coalesce(OLD.host_id, 0) AND source = OLD.source;
    UPDATE timeline_counts SET n = n - 1
        WHERE width_us = 3600000000 AND bucket = OLD.at_us / 3600000000 - (OLD.at_us < 0 AND OLD.at_us % 3600000000 <> 0) AND host_id = coalesce(OLD.host_id, 0) AND source = OLD.source;
    DELETE FROM timeline_counts
        WHERE width_us = 60000000 AND bucket = OLD.at_us / 60000000 - (OLD.at_us < 0 AND OLD.at_us % 60000000 <> 0) AND host_id = coalesce(OLD.host_id, 0) AND source = OLD.source AND n <= 0;
    DELETE FROM timeline_counts
        WHERE width_us = 3600000000 AND bucket = OLD.at_us / 3600000000 - (OLD.at_us < 0 AND OLD.at_us % 3600000000 <> 0) AND host_id = coalesce(OLD.host_id, 0) AND source = OLD.source AND n <= 0;
END;

CREATE TRIGGER timeline_counts_event_update AFTER UPDATE OF at_us, host_id, source ON events
    WHEN OLD.at_us IS NOT NEW.at_us OR OLD.host_id IS NOT NEW.host_id OR OLD.source IS NOT NEW.source
BEGIN
    UPDATE timeline_counts SET n = n - 1
        WHERE width_us = 60000000 AND bucket = OLD.at_us / 60000000 - (OLD.at_us < 0 AND OLD.at_us % 60000000 <> 0) AND host_id = coalesce(OLD.host_id, 0) AND source = OLD.source;
    UPDATE timeline_counts SET n = n - 1
        WHERE width_us = 3600000000 AND bucket = OLD.at_us / 3600000000 - (OLD.at_us < 0 AND OLD.at_us % 3600000000 <> 0) AND host_id = coalesce(OLD.host_id, 0) AND source = OLD.source;
    DELETE FROM timeline_counts
        WHERE width_us = 60000000 AND bucket = OLD.at_us / 60000000 - (OLD.at_us < 0 AND OLD.at_us % 60000000 <> 0) AND host_id = coalesce(OLD.host_id, 0) AND source = OLD.source AND n <= 0;
    DELETE FROM timeline_counts
        WHERE width_us = 3600000000 AND bucket = OLD.at_us / 3600000000 - (OLD.at_us < 0 AND OLD.at_us % 3600000000 <> 0) AND host_id = coalesce(OLD.host_id, 0) AND source = OLD.source AND n <= 0;
    INSERT INTO timeline_counts(width_us, bucket, host_id, source, n) VALUES
        (60000000, NEW.at_us / 60000000 - (NEW.at_us < 0 AND NEW.at_us % 60000000 <> 0), coalesce(NEW.host_id, 0), NEW.source, 1),
        (3600000000, NEW.at_us / 3600000000 - (NEW.at_us < 0 AND NEW.at_us % 3600000000 <> 0), coalesce(NEW.host_id, 0), NEW.source, 1)
        ON CONFLICT (width_us, bucket, host_id, source) DO UPDATE SET n = n + 1;
END;
