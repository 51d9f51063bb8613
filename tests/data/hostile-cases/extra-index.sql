-- expect: index notes_by_body (not created by Casebook)
CREATE INDEX notes_by_body ON notes(body);
