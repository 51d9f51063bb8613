-- expect: table payload (not created by Casebook)
CREATE TABLE payload(x);
INSERT INTO payload VALUES ('<script>alert(1)</script>');
