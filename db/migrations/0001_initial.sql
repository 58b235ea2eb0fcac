-- Reply Ledger schema, version 1.
-- Dates are ISO text (YYYY-MM-DD); date(x, '+0 days') normalises impossible days (2021-02-30 becomes 2021-03-02),
-- so comparing it with x rejects them. Timestamps are UTC ISO text.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
);

CREATE TABLE source_documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    file_name   TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('letter', 'news', 'bulletin', 'plan', 'report', 'other')),
    title       TEXT,
    publisher   TEXT,
    doc_date    TEXT CHECK (doc_date IS NULL OR doc_date = date(doc_date, '+0 days')),
    url         TEXT,
    text        TEXT,
    content     BLOB,
    imported_by TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE proposals (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL DEFAULT 'suggestion'
                       CHECK (kind IN ('suggestion', 'motion', 'proposal', 'criticism')),
    body               TEXT,
    session            TEXT NOT NULL CHECK (trim(session) <> ''),
    number             TEXT NOT NULL CHECK (trim(number) <> ''),
    title              TEXT NOT NULL CHECK (trim(title) <> ''),
    delegation         TEXT,
    received_date      TEXT CHECK (received_date IS NULL OR received_date = date(received_date, '+0 days')),
    assigned_date      TEXT CHECK (assigned_date IS NULL OR assigned_date = date(assigned_date, '+0 days')),
    reply_due_date     TEXT CHECK (reply_due_date IS NULL OR reply_due_date = date(reply_due_date, '+0 days')),
    extended_due_date  TEXT CHECK (extended_due_date IS NULL OR extended_due_date = date(extended_due_date, '+0 days')),
    extension_approval TEXT,
    misrouted_date     TEXT CHECK (misrouted_date IS NULL OR misrouted_date = date(misrouted_date, '+0 days')),
    returned_date      TEXT CHECK (returned_date IS NULL OR returned_date = date(returned_date, '+0 days')),
    lead_unit          TEXT,
    co_units           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(co_units)),
    handling_mode      TEXT,
    key_supervised     INTEGER NOT NULL DEFAULT 0 CHECK (key_supervised IN (0, 1)),
    text               TEXT,
    state              TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'replied', 'closed', 'withdrawn')),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (extended_due_date IS NULL OR trim(coalesce(extension_approval, '')) <> ''),
    UNIQUE (session, kind, number)
);
CREATE INDEX proposals_assigned ON proposals (assigned_date);
CREATE INDEX proposals_lead_unit ON proposals (lead_unit);
CREATE INDEX proposals_session ON proposals (session, number);

CREATE TABLE proposers (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    role        TEXT NOT NULL DEFAULT 'lead' CHECK (role IN ('lead', 'cosigner')),
    delegation  TEXT,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (proposal_id, name)
);
CREATE INDEX proposers_name ON proposers (name);

CREATE TABLE contacts (
    id           INTEGER PRIMARY KEY,
    proposal_id  INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    contact_date TEXT NOT NULL CHECK (contact_date = date(contact_date, '+0 days')),
    method       TEXT NOT NULL DEFAULT 'meeting' CHECK (method IN ('meeting', 'phone', 'visit', 'other')),
    participants TEXT,
    notes        TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX contacts_proposal ON contacts (proposal_id);

CREATE TABLE replies (
    id                 INTEGER PRIMARY KEY,
    proposal_id        INTEGER REFERENCES proposals (id) ON DELETE RESTRICT,
    proposer_id        INTEGER REFERENCES proposers (id) ON DELETE SET NULL,
    doc_number         TEXT,
    doc_issuer_code    TEXT,
    doc_year           INTEGER CHECK (doc_year IS NULL OR doc_year BETWEEN 1949 AND 2200),
    doc_serial         INTEGER CHECK (doc_serial IS NULL OR doc_serial >= 0),
    issuing_office     TEXT,
    title              TEXT,
    addressee          TEXT,
    reply_date         TEXT CHECK (reply_date IS NULL OR reply_date = date(reply_date, '+0 days')),
    signer             TEXT,
    handler            TEXT,
    phone              TEXT,
    cc                 TEXT,
    result_class       TEXT CHECK (result_class IS NULL OR result_class IN ('A', 'B', 'C', 'D', '甲', '乙', '丙')),
    disclosure         TEXT CHECK (disclosure IS NULL OR disclosure IN ('public', 'not_public', 'on_request')),
    published_date     TEXT CHECK (published_date IS NULL OR published_date = date(published_date, '+0 days')),
    replying_unit      TEXT,
    is_reanswer        INTEGER NOT NULL DEFAULT 0 CHECK (is_reanswer IN (0, 1)),
    text               TEXT,
    source_document_id INTEGER REFERENCES source_documents (id) ON DELETE SET NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (doc_number IS NULL OR (doc_issuer_code IS NOT NULL AND doc_year IS NOT NULL AND doc_serial IS NOT NULL))
);
CREATE UNIQUE INDEX replies_doc_number ON replies (doc_issuer_code, doc_year, doc_serial)
    WHERE doc_number IS NOT NULL;
CREATE INDEX replies_proposal ON replies (proposal_id);
CREATE INDEX replies_date ON replies (reply_date);

CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    reply_id      INTEGER NOT NULL REFERENCES replies (id) ON DELETE CASCADE,
    proposer_id   INTEGER REFERENCES proposers (id) ON DELETE SET NULL,
    rating        TEXT NOT NULL CHECK (rating IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
    aspect        TEXT NOT NULL DEFAULT 'reply' CHECK (aspect IN ('reply', 'delivery')),
    feedback_date TEXT CHECK (feedback_date IS NULL OR feedback_date = date(feedback_date, '+0 days')),
    comments      TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX feedback_reply ON feedback (reply_id);

CREATE TABLE commitments (
    id               INTEGER PRIMARY KEY,
    reply_id         INTEGER NOT NULL REFERENCES replies (id) ON DELETE CASCADE,
    title            TEXT NOT NULL CHECK (trim(title) <> ''),
    quote            TEXT,
    quote_start      INTEGER,
    quote_end        INTEGER,
    responsible_unit TEXT,
    deadline         TEXT CHECK (deadline IS NULL OR deadline = date(deadline, '+0 days')),
    deadline_text    TEXT,
    manual_state     TEXT CHECK (manual_state IS NULL OR
                                 manual_state IN ('met', 'on_track', 'at_risk', 'missed', 'overdue', 'no_data')),
    notes            TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((quote_start IS NULL AND quote_end IS NULL) OR (quote_start >= 0 AND quote_end >= quote_start))
);
CREATE INDEX commitments_reply ON commitments (reply_id);
CREATE INDEX commitments_deadline ON commitments (deadline);
CREATE INDEX commitments_unit ON commitments (responsible_unit);

CREATE TABLE targets (
    id                    INTEGER PRIMARY KEY,
    commitment_id         INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    indicator             TEXT NOT NULL CHECK (trim(indicator) <> ''),
    comparator            TEXT NOT NULL CHECK (comparator IN ('>=', '>', '=', '<=', '<', 'range', 'qualitative')),
    value                 REAL,
    value_high            REAL,
    unit                  TEXT,
    value_normalized      REAL,
    value_high_normalized REAL,
    unit_normalized       TEXT,
    deadline              TEXT CHECK (deadline IS NULL OR deadline = date(deadline, '+0 days')),
    deadline_text         TEXT,
    cumulative            INTEGER CHECK (cumulative IS NULL OR cumulative IN (0, 1)),
    kind                  TEXT NOT NULL DEFAULT 'commitment' CHECK (kind IN ('commitment', 'baseline')),
    baseline_value        REAL,
    baseline_unit         TEXT,
    baseline_date         TEXT CHECK (baseline_date IS NULL OR baseline_date = date(baseline_date, '+0 days')),
    baseline_quote        TEXT,
    quote                 TEXT,
    quote_start           INTEGER,
    quote_end             INTEGER,
    source_document_id    INTEGER REFERENCES source_documents (id) ON DELETE SET NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    CHECK (comparator = 'qualitative' OR value IS NOT NULL),
    CHECK (comparator <> 'range' OR (value_high IS NOT NULL AND value_high >= value)),
    CHECK ((quote_start IS NULL AND quote_end IS NULL) OR (quote_start >= 0 AND quote_end >= quote_start))
);
CREATE INDEX targets_commitment ON targets (commitment_id);
CREATE INDEX targets_deadline ON targets (deadline);
CREATE INDEX targets_indicator ON targets (indicator);
CREATE INDEX targets_kind ON targets (kind, deadline);

CREATE TABLE evidence (
    id                 INTEGER PRIMARY KEY,
    target_id          INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
    as_of_date         TEXT NOT NULL CHECK (as_of_date = date(as_of_date, '+0 days')),
    value              REAL,
    unit               TEXT,
    value_normalized   REAL,
    unit_normalized    TEXT,
    comparator         TEXT NOT NULL DEFAULT '=' CHECK (comparator IN ('>=', '>', '=', '<=', '<')),
    achieved           INTEGER CHECK (achieved IS NULL OR achieved IN (0, 1)),
    source_title       TEXT,
    publisher          TEXT,
    source_date        TEXT CHECK (source_date IS NULL OR source_date = date(source_date, '+0 days')),
    source_url         TEXT,
    quote              TEXT,
    source_document_id INTEGER REFERENCES source_documents (id) ON DELETE SET NULL,
    recorded_by        TEXT,
    notes              TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (value IS NOT NULL OR achieved IS NOT NULL)
);
CREATE INDEX evidence_target ON evidence (target_id, as_of_date);

CREATE TABLE reminders (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('reply_due', 'commitment_due', 'target_due', 'stale_evidence',
                                                'no_feedback', 'reanswer_due', 'custom')),
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
CREATE INDEX reminders_due ON reminders (state, due_date);
CREATE INDEX reminders_subject ON reminders (subject_table, subject_id);

CREATE TABLE suggestions (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN ('target', 'evidence')),
    state              TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
    source_document_id INTEGER REFERENCES source_documents (id) ON DELETE CASCADE,
    reply_id           INTEGER REFERENCES replies (id) ON DELETE CASCADE,
    target_id          INTEGER REFERENCES targets (id) ON DELETE CASCADE,
    score              REAL,
    payload            TEXT NOT NULL CHECK (json_valid(payload)),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX suggestions_state ON suggestions (kind, state);
CREATE INDEX suggestions_source ON suggestions (source_document_id);

-- Append-only history: one row per change, chained by SHA-256 so that an edit shows.
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    before     TEXT CHECK (before IS NULL OR json_valid(before)),
    after      TEXT CHECK (after IS NULL OR json_valid(after)),
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL UNIQUE
);
CREATE INDEX history_row ON history (table_name, row_id);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;

-- Full-text search over proposal, reply, commitment, target and source texts. The trigram tokenizer finds
-- Chinese substrings of three or more characters; the store matches shorter terms with instr().
-- rowid = record id * 8 + kind (1 proposal, 2 reply, 3 commitment, 4 target, 5 source document), so a
-- trigger finds its entry by rowid instead of scanning the index.
CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'trigram');

CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1,
        coalesce(new.session, '') || ' ' || coalesce(new.number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.lead_unit, '') || ' ' || coalesce(new.text, ''));
END;
CREATE TRIGGER proposals_search_update AFTER UPDATE ON proposals BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1,
        coalesce(new.session, '') || ' ' || coalesce(new.number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.lead_unit, '') || ' ' || coalesce(new.text, ''));
END;
CREATE TRIGGER proposals_search_delete AFTER DELETE ON proposals BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER replies_search_insert AFTER INSERT ON replies BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2,
        coalesce(new.doc_number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.issuing_office, '') || ' ' || coalesce(new.addressee, '') || ' ' || coalesce(new.text, ''));
END;
CREATE TRIGGER replies_search_update AFTER UPDATE ON replies BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2,
        coalesce(new.doc_number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.issuing_office, '') || ' ' || coalesce(new.addressee, '') || ' ' || coalesce(new.text, ''));
END;
CREATE TRIGGER replies_search_delete AFTER DELETE ON replies BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER commitments_search_insert AFTER INSERT ON commitments BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 3,
        coalesce(new.title, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.responsible_unit, '') || ' ' || coalesce(new.notes, ''));
END;
CREATE TRIGGER commitments_search_update AFTER UPDATE ON commitments BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 3,
        coalesce(new.title, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.responsible_unit, '') || ' ' || coalesce(new.notes, ''));
END;
CREATE TRIGGER commitments_search_delete AFTER DELETE ON commitments BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER targets_search_insert AFTER INSERT ON targets BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 4,
        coalesce(new.indicator, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.unit, ''));
END;
CREATE TRIGGER targets_search_update AFTER UPDATE ON targets BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 4,
        coalesce(new.indicator, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.unit, ''));
END;
CREATE TRIGGER targets_search_delete AFTER DELETE ON targets BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER source_documents_search_insert AFTER INSERT ON source_documents BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 5,
        coalesce(new.title, '') || ' ' || coalesce(new.publisher, '') || ' ' || coalesce(new.file_name, '') || ' ' || coalesce(new.text, ''));
END;
CREATE TRIGGER source_documents_search_update AFTER UPDATE ON source_documents BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 5,
        coalesce(new.title, '') || ' ' || coalesce(new.publisher, '') || ' ' || coalesce(new.file_name, '') || ' ' || coalesce(new.text, ''));
END;
CREATE TRIGGER source_documents_search_delete AFTER DELETE ON source_documents BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;
