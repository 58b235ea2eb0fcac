-- Record versions: every record carries a version that each save raises by one. A save names the version it
-- was read at and is refused when the stored record has moved on (another window or process saved it
-- meanwhile), so one save never silently undoes another. Existing rows start at version 1; `verify` reads a
-- column missing from a history row written before this migration as the column's default.
ALTER TABLE source_documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE proposals ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE proposers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contacts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE replies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE feedback ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE commitments ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE targets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE evidence ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reminders ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE suggestions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
