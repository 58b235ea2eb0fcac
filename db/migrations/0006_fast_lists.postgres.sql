-- Schema 6 on PostgreSQL (see 0006_fast_lists.sql): the commitments list's own table, kept by triggers, and the
-- indexes of the evidence and reminders lists. The search needs nothing new here: its short terms already have an
-- index of their own (schema 1).

CREATE TABLE commitment_list (
    row_key            BIGINT PRIMARY KEY,  -- the target's id, or minus the id of a commitment without targets
    commitment_id      BIGINT NOT NULL,
    target_id          BIGINT,
    reply_id           BIGINT,
    title              TEXT,
    responsible_unit   TEXT,
    deadline           TEXT,                -- the target's deadline, else its commitment's
    indicator          TEXT,
    comparator         TEXT,
    value_normalized   DOUBLE PRECISION,
    unit               TEXT,
    kind               TEXT,
    doc_number         TEXT,
    latest_evidence_id BIGINT               -- the target's evidence with the latest as-of date (then the highest id)
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

-- The list is read in (value, row key) order: SQLite's index entries end in the row key (its rowid), a server's do
-- not, so each sort index names it, and a scan of the index is the order without sorting every row.
CREATE INDEX commitment_list_commitment ON commitment_list (commitment_id);
CREATE INDEX commitment_list_reply ON commitment_list (reply_id);
CREATE INDEX commitment_list_deadline ON commitment_list (deadline, row_key);
CREATE INDEX commitment_list_title ON commitment_list (title, row_key);
CREATE INDEX commitment_list_unit ON commitment_list (responsible_unit, row_key);
CREATE INDEX commitment_list_unit_deadline ON commitment_list (responsible_unit, deadline, row_key);
CREATE INDEX commitment_list_indicator ON commitment_list (indicator, row_key);
CREATE INDEX commitment_list_value ON commitment_list (value_normalized, row_key);
CREATE INDEX commitment_list_doc_number ON commitment_list (doc_number, row_key);

-- A commitment's row without targets, when it has none (and has no such row yet).
CREATE FUNCTION commitment_list_bare(commitment BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO commitment_list (row_key, commitment_id, reply_id, title, responsible_unit, deadline, doc_number)
    SELECT -c.id, c.id, c.reply_id, c.title, c.responsible_unit, c.deadline,
           (SELECT r.doc_number FROM replies r WHERE r.id = c.reply_id)
      FROM commitments c
     WHERE c.id = commitment
       AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM commitment_list l WHERE l.row_key = -c.id);
$$;

-- A target's row replaces its commitment's row without targets; a commitment whose last target goes gets it back.
CREATE FUNCTION commitment_list_targets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM commitment_list WHERE row_key = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        DELETE FROM commitment_list WHERE row_key = -NEW.commitment_id;
        INSERT INTO commitment_list (row_key, commitment_id, target_id, reply_id, title, responsible_unit, deadline,
                                     indicator, comparator, value_normalized, unit, kind, doc_number,
                                     latest_evidence_id)
        SELECT NEW.id, c.id, NEW.id, c.reply_id, c.title, c.responsible_unit, coalesce(NEW.deadline, c.deadline),
               NEW.indicator, NEW.comparator, NEW.value_normalized, NEW.unit, NEW.kind,
               (SELECT r.doc_number FROM replies r WHERE r.id = c.reply_id),
               (SELECT e.id FROM evidence e WHERE e.target_id = NEW.id ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
          FROM commitments c WHERE c.id = NEW.commitment_id;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.commitment_id <> NEW.commitment_id) THEN
        PERFORM commitment_list_bare(OLD.commitment_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER commitment_list_targets AFTER INSERT OR UPDATE OR DELETE ON targets
    FOR EACH ROW EXECUTE FUNCTION commitment_list_targets();

CREATE FUNCTION commitment_list_commitments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM commitment_list_bare(NEW.id);
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE commitment_list
           SET reply_id = NEW.reply_id, title = NEW.title, responsible_unit = NEW.responsible_unit,
               deadline = coalesce((SELECT t.deadline FROM targets t WHERE t.id = commitment_list.target_id),
                                   NEW.deadline),
               doc_number = (SELECT r.doc_number FROM replies r WHERE r.id = NEW.reply_id)
         WHERE commitment_id = NEW.id;
    ELSE
        DELETE FROM commitment_list WHERE commitment_id = OLD.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER commitment_list_commitments AFTER INSERT OR UPDATE OR DELETE ON commitments
    FOR EACH ROW EXECUTE FUNCTION commitment_list_commitments();

CREATE FUNCTION commitment_list_replies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE commitment_list SET doc_number = NEW.doc_number WHERE reply_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER commitment_list_replies AFTER UPDATE OF doc_number ON replies
    FOR EACH ROW EXECUTE FUNCTION commitment_list_replies();

CREATE FUNCTION commitment_list_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE commitment_list
       SET latest_evidence_id = (SELECT e.id FROM evidence e WHERE e.target_id = commitment_list.row_key
                                  ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
     WHERE row_key IN (CASE WHEN TG_OP = 'INSERT' THEN NEW.target_id ELSE OLD.target_id END,
                       CASE WHEN TG_OP = 'DELETE' THEN OLD.target_id ELSE NEW.target_id END);
    RETURN NULL;
END $$;
CREATE TRIGGER commitment_list_evidence AFTER INSERT OR DELETE OR UPDATE OF target_id, as_of_date ON evidence
    FOR EACH ROW EXECUTE FUNCTION commitment_list_evidence();

CREATE INDEX evidence_as_of ON evidence (as_of_date, id);
CREATE INDEX reminders_due_date ON reminders (due_date, id);
