-- Schema 7: a ledger import writes its rows without the per-row work of the derived tables.
--
-- bulk_write holds rows only inside a transaction that writes many records at once (a ledger import): while it
-- has any, the triggers that keep the search index and commitment_list from the records they index skip their
-- work, and the store rebuilds those rows for exactly the records it wrote, set by set, before the transaction
-- ends (db/bulk_write.py). Nobody else ever sees a row of it: it is filled and emptied inside the one write
-- transaction of the file, so a crash or a rollback leaves it empty, and every other write keeps its triggers.
-- The delete triggers stay as they were (an import seldom deletes; the rebuild is right either way).

CREATE TABLE bulk_write (
    table_name TEXT    NOT NULL,  -- the table of a record the bulk write touched ('' for the row that starts it)
    row_id     INTEGER NOT NULL,
    PRIMARY KEY (table_name, row_id)
);

DROP TRIGGER commitment_list_target_insert;
DROP TRIGGER commitment_list_target_update;
DROP TRIGGER commitment_list_commitment_insert;
DROP TRIGGER commitment_list_commitment_update;
DROP TRIGGER commitment_list_reply_update;
DROP TRIGGER commitment_list_evidence_insert;
DROP TRIGGER commitment_list_evidence_update;
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

CREATE TRIGGER commitment_list_target_insert AFTER INSERT ON targets
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    DELETE FROM commitment_list WHERE row_key = -new.commitment_id;
    INSERT INTO commitment_list (row_key, commitment_id, target_id, reply_id, title, responsible_unit, deadline,
                                 indicator, comparator, value_normalized, unit, kind, doc_number, latest_evidence_id)
    SELECT new.id, c.id, new.id, c.reply_id, c.title, c.responsible_unit, coalesce(new.deadline, c.deadline),
           new.indicator, new.comparator, new.value_normalized, new.unit, new.kind,
           (SELECT r.doc_number FROM replies r WHERE r.id = c.reply_id),
           (SELECT e.id FROM evidence e WHERE e.target_id = new.id ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
      FROM commitments c WHERE c.id = new.commitment_id;
END;

CREATE TRIGGER commitment_list_target_update AFTER UPDATE ON targets
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
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

CREATE TRIGGER commitment_list_commitment_insert AFTER INSERT ON commitments
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    INSERT INTO commitment_list (row_key, commitment_id, reply_id, title, responsible_unit, deadline, doc_number)
    SELECT -new.id, new.id, new.reply_id, new.title, new.responsible_unit, new.deadline,
           (SELECT r.doc_number FROM replies r WHERE r.id = new.reply_id)
     WHERE NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = new.id);
END;

CREATE TRIGGER commitment_list_commitment_update AFTER UPDATE ON commitments
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    UPDATE commitment_list
       SET reply_id = new.reply_id, title = new.title, responsible_unit = new.responsible_unit,
           deadline = coalesce((SELECT t.deadline FROM targets t WHERE t.id = commitment_list.target_id),
                               new.deadline),
           doc_number = (SELECT r.doc_number FROM replies r WHERE r.id = new.reply_id)
     WHERE commitment_id = new.id;
END;

CREATE TRIGGER commitment_list_reply_update AFTER UPDATE OF doc_number ON replies
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    UPDATE commitment_list SET doc_number = new.doc_number WHERE reply_id = new.id;
END;

CREATE TRIGGER commitment_list_evidence_insert AFTER INSERT ON evidence
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    UPDATE commitment_list
       SET latest_evidence_id = (SELECT e.id FROM evidence e WHERE e.target_id = new.target_id
                                  ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
     WHERE row_key = new.target_id;
END;

CREATE TRIGGER commitment_list_evidence_update AFTER UPDATE OF target_id, as_of_date ON evidence
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    UPDATE commitment_list
       SET latest_evidence_id = (SELECT e.id FROM evidence e WHERE e.target_id = commitment_list.row_key
                                  ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
     WHERE row_key IN (old.target_id, new.target_id);
END;

CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1,
        coalesce(new.session, '') || ' ' || coalesce(new.number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.lead_unit, '') || ' ' || coalesce(new.text, '') || ' ' || coalesce(new.notes, '') || '  ');
END;

CREATE TRIGGER proposals_search_update AFTER UPDATE ON proposals
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1,
        coalesce(new.session, '') || ' ' || coalesce(new.number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.lead_unit, '') || ' ' || coalesce(new.text, '') || ' ' || coalesce(new.notes, '') || '  ');
END;

CREATE TRIGGER replies_search_insert AFTER INSERT ON replies
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2,
        coalesce(new.doc_number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.issuing_office, '') || ' ' || coalesce(new.addressee, '') || ' ' || coalesce(new.text, '') || '  ');
END;

CREATE TRIGGER replies_search_update AFTER UPDATE ON replies
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2,
        coalesce(new.doc_number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.issuing_office, '') || ' ' || coalesce(new.addressee, '') || ' ' || coalesce(new.text, '') || '  ');
END;

CREATE TRIGGER commitments_search_insert AFTER INSERT ON commitments
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 3,
        coalesce(new.title, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.responsible_unit, '') || ' ' || coalesce(new.notes, '') || '  ');
END;

CREATE TRIGGER commitments_search_update AFTER UPDATE ON commitments
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 3,
        coalesce(new.title, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.responsible_unit, '') || ' ' || coalesce(new.notes, '') || '  ');
END;

CREATE TRIGGER targets_search_insert AFTER INSERT ON targets
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 4,
        coalesce(new.indicator, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.unit, '') || '  ');
END;

CREATE TRIGGER targets_search_update AFTER UPDATE ON targets
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 4,
        coalesce(new.indicator, '') || ' ' || coalesce(new.quote, '') || ' ' || coalesce(new.unit, '') || '  ');
END;

CREATE TRIGGER source_documents_search_insert AFTER INSERT ON source_documents
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 5,
        coalesce(new.title, '') || ' ' || coalesce(new.publisher, '') || ' ' || coalesce(new.file_name, '') || ' ' || coalesce(new.text, '') || '  ');
END;

CREATE TRIGGER source_documents_search_update AFTER UPDATE ON source_documents
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 5,
        coalesce(new.title, '') || ' ' || coalesce(new.publisher, '') || ' ' || coalesce(new.file_name, '') || ' ' || coalesce(new.text, '') || '  ');
END;
