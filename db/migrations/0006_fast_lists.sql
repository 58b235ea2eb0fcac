-- Schema 6: lists that stay instant at 100 000 targets (bench/list_views.py).
--
-- 1. commitment_list: one row per row of the commitments list (a target, or a commitment without targets), with
--    the values the list sorts and filters by and the id of the target's latest evidence. Reading the list's keys
--    in order is then one scan of one index, and a page of rows is read by primary key without looking for the
--    latest evidence row by row. The triggers below are the only writers of the table: whatever writes
--    commitments, targets, replies or evidence (the store, an import, a restore) keeps it up to date.
-- 2. Indexes for the default order of the evidence and reminders lists.
-- 3. The search index gets two spaces at the end of every entry, so that every character of a text starts a
--    trigram of the index: a search for one or two characters looks up the trigrams that start with them
--    (search_vocab) instead of reading every entry (db/search.py).

CREATE TABLE commitment_list (
    row_key            INTEGER PRIMARY KEY,  -- the target's id, or minus the id of a commitment without targets
    commitment_id      INTEGER NOT NULL,
    target_id          INTEGER,
    reply_id           INTEGER,
    title              TEXT,
    responsible_unit   TEXT,
    deadline           TEXT,                 -- the target's deadline, else its commitment's
    indicator          TEXT,
    comparator         TEXT,
    value_normalized   REAL,
    unit               TEXT,
    kind               TEXT,
    doc_number         TEXT,
    latest_evidence_id INTEGER               -- the target's evidence with the latest as-of date (then the highest id)
);

INSERT INTO commitment_list (row_key, commitment_id, target_id, reply_id, title, responsible_unit, deadline, indicator,
                             comparator, value_normalized, unit, kind, doc_number, latest_evidence_id)
SELECT t.id, c.id, t.id, c.reply_id, c.title, c.responsible_unit, coalesce(t.deadline, c.deadline), t.indicator,
       t.comparator, t.value_normalized, t.unit, t.kind, r.doc_number,
       (SELECT e.id FROM evidence e WHERE e.target_id = t.id ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
  FROM targets t JOIN commitments c ON c.id = t.commitment_id LEFT JOIN replies r ON r.id = c.reply_id;

INSERT INTO commitment_list (row_key, commitment_id, reply_id, title, responsible_unit, deadline, doc_number)
SELECT -c.id, c.id, c.reply_id, c.title, c.responsible_unit, c.deadline, r.doc_number
  FROM commitments c LEFT JOIN replies r ON r.id = c.reply_id
 WHERE NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = c.id);

CREATE INDEX commitment_list_commitment ON commitment_list (commitment_id);
CREATE INDEX commitment_list_reply ON commitment_list (reply_id);
CREATE INDEX commitment_list_deadline ON commitment_list (deadline);
CREATE INDEX commitment_list_title ON commitment_list (title);
CREATE INDEX commitment_list_unit ON commitment_list (responsible_unit);
CREATE INDEX commitment_list_indicator ON commitment_list (indicator);
CREATE INDEX commitment_list_value ON commitment_list (value_normalized);
CREATE INDEX commitment_list_doc_number ON commitment_list (doc_number);

-- A target's row replaces its commitment's row without targets; a commitment whose last target goes gets it back.
CREATE TRIGGER commitment_list_target_insert AFTER INSERT ON targets BEGIN
    DELETE FROM commitment_list WHERE row_key = -new.commitment_id;
    INSERT INTO commitment_list (row_key, commitment_id, target_id, reply_id, title, responsible_unit, deadline,
                                 indicator, comparator, value_normalized, unit, kind, doc_number, latest_evidence_id)
    SELECT new.id, c.id, new.id, c.reply_id, c.title, c.responsible_unit, coalesce(new.deadline, c.deadline),
           new.indicator, new.comparator, new.value_normalized, new.unit, new.kind,
           (SELECT r.doc_number FROM replies r WHERE r.id = c.reply_id),
           (SELECT e.id FROM evidence e WHERE e.target_id = new.id ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
      FROM commitments c WHERE c.id = new.commitment_id;
END;

CREATE TRIGGER commitment_list_target_update AFTER UPDATE ON targets BEGIN
    DELETE FROM commitment_list WHERE row_key IN (old.id, -new.commitment_id);
    INSERT INTO commitment_list (row_key, commitment_id, target_id, reply_id, title, responsible_unit, deadline,
                                 indicator, comparator, value_normalized, unit, kind, doc_number, latest_evidence_id)
    SELECT new.id, c.id, new.id, c.reply_id, c.title, c.responsible_unit, coalesce(new.deadline, c.deadline),
           new.indicator, new.comparator, new.value_normalized, new.unit, new.kind,
           (SELECT r.doc_number FROM replies r WHERE r.id = c.reply_id),
           (SELECT e.id FROM evidence e WHERE e.target_id = new.id ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
      FROM commitments c WHERE c.id = new.commitment_id;
    INSERT INTO commitment_list (row_key, commitment_id, reply_id, title, responsible_unit, deadline, doc_number)
    SELECT -c.id, c.id, c.reply_id, c.title, c.responsible_unit, c.deadline,
           (SELECT r.doc_number FROM replies r WHERE r.id = c.reply_id)
      FROM commitments c
     WHERE c.id = old.commitment_id AND old.commitment_id <> new.commitment_id
       AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = c.id);
END;

CREATE TRIGGER commitment_list_target_delete AFTER DELETE ON targets BEGIN
    DELETE FROM commitment_list WHERE row_key = old.id;
    INSERT INTO commitment_list (row_key, commitment_id, reply_id, title, responsible_unit, deadline, doc_number)
    SELECT -c.id, c.id, c.reply_id, c.title, c.responsible_unit, c.deadline,
           (SELECT r.doc_number FROM replies r WHERE r.id = c.reply_id)
      FROM commitments c
     WHERE c.id = old.commitment_id
       AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM commitment_list l WHERE l.row_key = -c.id);
END;

CREATE TRIGGER commitment_list_commitment_insert AFTER INSERT ON commitments BEGIN
    INSERT INTO commitment_list (row_key, commitment_id, reply_id, title, responsible_unit, deadline, doc_number)
    SELECT -new.id, new.id, new.reply_id, new.title, new.responsible_unit, new.deadline,
           (SELECT r.doc_number FROM replies r WHERE r.id = new.reply_id)
     WHERE NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = new.id);
END;

CREATE TRIGGER commitment_list_commitment_update AFTER UPDATE ON commitments BEGIN
    UPDATE commitment_list
       SET reply_id = new.reply_id, title = new.title, responsible_unit = new.responsible_unit,
           deadline = coalesce((SELECT t.deadline FROM targets t WHERE t.id = commitment_list.target_id),
                               new.deadline),
           doc_number = (SELECT r.doc_number FROM replies r WHERE r.id = new.reply_id)
     WHERE commitment_id = new.id;
END;

CREATE TRIGGER commitment_list_commitment_delete AFTER DELETE ON commitments BEGIN
    DELETE FROM commitment_list WHERE commitment_id = old.id;
END;

CREATE TRIGGER commitment_list_reply_update AFTER UPDATE OF doc_number ON replies BEGIN
    UPDATE commitment_list SET doc_number = new.doc_number WHERE reply_id = new.id;
END;

CREATE TRIGGER commitment_list_evidence_insert AFTER INSERT ON evidence BEGIN
    UPDATE commitment_list
       SET latest_evidence_id = (SELECT e.id FROM evidence e WHERE e.target_id = new.target_id
                                  ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
     WHERE row_key = new.target_id;
END;

CREATE TRIGGER commitment_list_evidence_update AFTER UPDATE OF target_id, as_of_date ON evidence BEGIN
    UPDATE commitment_list
       SET latest_evidence_id = (SELECT e.id FROM evidence e WHERE e.target_id = commitment_list.row_key
                                  ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
     WHERE row_key IN (old.target_id, new.target_id);
END;

CREATE TRIGGER commitment_list_evidence_delete AFTER DELETE ON evidence BEGIN
    UPDATE commitment_list
       SET latest_evidence_id = (SELECT e.id FROM evidence e WHERE e.target_id = old.target_id
                                  ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
     WHERE row_key = old.target_id;
END;

CREATE INDEX evidence_as_of ON evidence (as_of_date);
CREATE INDEX reminders_due_date ON reminders (due_date);

-- The search index: the same texts as before (schema 4 for proposals, with their notes), two spaces at the end.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search_index, 'row');

DROP TRIGGER proposals_search_insert;
DROP TRIGGER proposals_search_update;
DROP TRIGGER replies_search_insert;
DROP TRIGGER replies_search_update;
DROP TRIGGER commitments_search_insert;
DROP TRIGGER commitments_search_update;
DROP TRIGGER targets_search_insert;
DROP TRIGGER targets_search_update;
DROP TRIGGER source_documents_search_insert;
DROP TRIGGER source_documents_search_update;

CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1,
        coalesce(new.session, '') || ' ' || coalesce(new.number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.lead_unit, '') || ' ' || coalesce(new.text, '') || ' ' || coalesce(new.notes, '') || '  ');
END;
CREATE TRIGGER proposals_search_update AFTER UPDATE ON proposals BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1,
        coalesce(new.session, '') || ' ' || coalesce(new.number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.lead_unit, '') || ' ' || coalesce(new.text, '') || ' ' || coalesce(new.notes, '') || '  ');
END;

CREATE TRIGGER replies_search_insert AFTER INSERT ON replies BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2,
        coalesce(new.doc_number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.issuing_office, '') || ' ' || coalesce(new.addressee, '') || ' ' || coalesce(new.text, '') || '  ');
END;
CREATE TRIGGER replies_search_update AFTER UPDATE ON replies BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2,
        coalesce(new.doc_number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.issuing_office, '') || ' ' || coalesce(new.addressee, '') || ' ' || coalesce(new.text, '') || '  ');
END;

CREATE TRIGGER commitments_search_insert AFTER INSERT ON commitments BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 3,
        coalesce(new.title, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.responsible_unit, '') || ' ' || coalesce(new.notes, '') || '  ');
END;
CREATE TRIGGER commitments_search_update AFTER UPDATE ON commitments BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 3,
        coalesce(new.title, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.responsible_unit, '') || ' ' || coalesce(new.notes, '') || '  ');
END;

CREATE TRIGGER targets_search_insert AFTER INSERT ON targets BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 4,
        coalesce(new.indicator, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.unit, '') || '  ');
END;
CREATE TRIGGER targets_search_update AFTER UPDATE ON targets BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 4,
        coalesce(new.indicator, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.unit, '') || '  ');
END;

CREATE TRIGGER source_documents_search_insert AFTER INSERT ON source_documents BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 5,
        coalesce(new.title, '') || ' ' || coalesce(new.publisher, '') || ' ' || coalesce(new.file_name, '') || ' ' || coalesce(new.text, '') || '  ');
END;
CREATE TRIGGER source_documents_search_update AFTER UPDATE ON source_documents BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 5,
        coalesce(new.title, '') || ' ' || coalesce(new.publisher, '') || ' ' || coalesce(new.file_name, '') || ' ' || coalesce(new.text, '') || '  ');
END;

UPDATE search_index SET body = body || '  ';
