-- Schema 3: contacts and publication for the yearly figures (见面率, 公开率) and the publication reminder.
-- * contacts.method gains 'consultation' (面商: a meeting held to discuss how the proposal is handled).
-- * replies.published_where: where a public reply was published (a website, a gazette).
-- * reminders.kind gains 'publish_due' (a public reply not yet published, at its 20-working-day deadline).
-- SQLite cannot change a CHECK constraint in place: contacts and reminders are copied into new tables. No other
-- table refers to either, so the copies keep every id and the history (which names rows by id) stays valid.

CREATE TABLE contacts_new (
    id           INTEGER PRIMARY KEY,
    proposal_id  INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    contact_date TEXT NOT NULL CHECK (contact_date = date(contact_date, '+0 days')),
    method       TEXT NOT NULL DEFAULT 'meeting'
                 CHECK (method IN ('meeting', 'consultation', 'phone', 'visit', 'other')),
    participants TEXT,
    notes        TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
INSERT INTO contacts_new SELECT id, proposal_id, contact_date, method, participants, notes, created_at, updated_at
    FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_new RENAME TO contacts;
CREATE INDEX contacts_proposal ON contacts (proposal_id, contact_date);

ALTER TABLE replies ADD COLUMN published_where TEXT;

CREATE TABLE reminders_new (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('reply_due', 'commitment_due', 'target_due', 'stale_evidence',
                                                'no_feedback', 'reanswer_due', 'publish_due', 'custom')),
    subject_table TEXT CHECK (subject_table IS NULL OR
                              subject_table IN ('proposals', 'replies', 'commitments', 'targets', 'feedback')),
    subject_id    INTEGER,
    title         TEXT NOT NULL CHECK (trim(title) <> ''),
    due_date      TEXT NOT NULL CHECK (due_date = date(due_date, '+0 days')),
    lead_days     INTEGER CHECK (lead_days IS NULL OR lead_days >= 0),
    state         TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'snoozed', 'done')),
    snoozed_until TEXT CHECK (snoozed_until IS NULL OR snoozed_until = date(snoozed_until, '+0 days')),
    done_at       TEXT CHECK (done_at IS NULL OR done_at = date(done_at, '+0 days')),
    note          TEXT,
    uid           TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (state <> 'snoozed' OR snoozed_until IS NOT NULL)
);
INSERT INTO reminders_new SELECT id, kind, subject_table, subject_id, title, due_date, lead_days, state, snoozed_until,
    done_at, note, uid, created_at, updated_at FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_new RENAME TO reminders;
CREATE INDEX reminders_due ON reminders (state, due_date);
CREATE INDEX reminders_subject ON reminders (subject_table, subject_id);
