-- Schema 7 on PostgreSQL (see 0007_bulk_import.sql): while bulk_write has rows visible to a transaction (only the
-- importing transaction's own, never committed), the triggers that keep the search index and commitment_list skip
-- their work; the store rebuilds those rows for the records the import wrote before its transaction ends. Other
-- transactions do not see the uncommitted rows, so their writes keep their triggers.

CREATE TABLE bulk_write (
    table_name TEXT   NOT NULL,  -- the table of a record the bulk write touched ('' for the row that starts it)
    row_id     BIGINT NOT NULL,
    PRIMARY KEY (table_name, row_id)
);

-- A function, since a trigger's WHEN clause may not hold a subquery.
CREATE FUNCTION ledger_bulk_write() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM bulk_write)
$$;

DROP TRIGGER proposals_search ON proposals;
CREATE TRIGGER proposals_search AFTER INSERT OR DELETE OR UPDATE OF session, number, title, lead_unit, text, notes
    ON proposals FOR EACH ROW WHEN (NOT ledger_bulk_write()) EXECUTE FUNCTION proposals_search();

DROP TRIGGER replies_search ON replies;
CREATE TRIGGER replies_search AFTER INSERT OR DELETE OR UPDATE OF doc_number, title, issuing_office, addressee, text
    ON replies FOR EACH ROW WHEN (NOT ledger_bulk_write()) EXECUTE FUNCTION replies_search();

DROP TRIGGER commitments_search ON commitments;
CREATE TRIGGER commitments_search AFTER INSERT OR DELETE OR UPDATE OF title, quote, responsible_unit, notes
    ON commitments FOR EACH ROW WHEN (NOT ledger_bulk_write()) EXECUTE FUNCTION commitments_search();

DROP TRIGGER targets_search ON targets;
CREATE TRIGGER targets_search AFTER INSERT OR DELETE OR UPDATE OF indicator, quote, unit
    ON targets FOR EACH ROW WHEN (NOT ledger_bulk_write()) EXECUTE FUNCTION targets_search();

DROP TRIGGER source_documents_search ON source_documents;
CREATE TRIGGER source_documents_search AFTER INSERT OR DELETE OR UPDATE OF title, publisher, file_name, text
    ON source_documents FOR EACH ROW WHEN (NOT ledger_bulk_write()) EXECUTE FUNCTION source_documents_search();

DROP TRIGGER commitment_list_targets ON targets;
CREATE TRIGGER commitment_list_targets AFTER INSERT OR UPDATE OR DELETE ON targets
    FOR EACH ROW WHEN (NOT ledger_bulk_write()) EXECUTE FUNCTION commitment_list_targets();

DROP TRIGGER commitment_list_commitments ON commitments;
CREATE TRIGGER commitment_list_commitments AFTER INSERT OR UPDATE OR DELETE ON commitments
    FOR EACH ROW WHEN (NOT ledger_bulk_write()) EXECUTE FUNCTION commitment_list_commitments();

DROP TRIGGER commitment_list_replies ON replies;
CREATE TRIGGER commitment_list_replies AFTER UPDATE OF doc_number ON replies
    FOR EACH ROW WHEN (NOT ledger_bulk_write()) EXECUTE FUNCTION commitment_list_replies();

DROP TRIGGER commitment_list_evidence ON evidence;
CREATE TRIGGER commitment_list_evidence AFTER INSERT OR DELETE OR UPDATE OF target_id, as_of_date ON evidence
    FOR EACH ROW WHEN (NOT ledger_bulk_write()) EXECUTE FUNCTION commitment_list_evidence();
