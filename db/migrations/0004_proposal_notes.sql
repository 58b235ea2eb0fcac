-- Schema 4: a proposal's notes (备注). A ledger's 备注 column is kept on the proposal, also where a row holds no
-- promise, and so are 落实情况 and 完成时限 written in a row without a promise. The search finds them, as it finds
-- a commitment's notes.
ALTER TABLE proposals ADD COLUMN notes TEXT;

DROP TRIGGER proposals_search_insert;
DROP TRIGGER proposals_search_update;
CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1,
        coalesce(new.session, '') || ' ' || coalesce(new.number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.lead_unit, '') || ' ' || coalesce(new.text, '') || ' ' || coalesce(new.notes, ''));
END;
CREATE TRIGGER proposals_search_update AFTER UPDATE ON proposals BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1,
        coalesce(new.session, '') || ' ' || coalesce(new.number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.lead_unit, '') || ' ' || coalesce(new.text, '') || ' ' || coalesce(new.notes, ''));
END;
