-- expect: table evil��name (not created by Casebook)
-- A name with a newline and a right-to-left override is shown as plain, one-line text.
CREATE TABLE "evil
‮name"(x);
