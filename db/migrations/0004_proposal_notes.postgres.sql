-- Schema 4 on PostgreSQL (see 0004_proposal_notes.sql): a proposal's notes, found by the search.
ALTER TABLE proposals ADD COLUMN notes TEXT;

CREATE OR REPLACE FUNCTION proposals_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
    ELSE
        PERFORM search_index_put(NEW.id * 8 + 1,
            coalesce(NEW.session, '') || ' ' || coalesce(NEW.number, '') || ' ' || coalesce(NEW.title, '') || ' ' || coalesce(NEW.lead_unit, '') || ' ' || coalesce(NEW.text, '') || ' ' || coalesce(NEW.notes, ''));
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER proposals_search ON proposals;
CREATE TRIGGER proposals_search AFTER INSERT OR DELETE OR UPDATE OF session, number, title, lead_unit, text, notes
    ON proposals FOR EACH ROW EXECUTE FUNCTION proposals_search();
