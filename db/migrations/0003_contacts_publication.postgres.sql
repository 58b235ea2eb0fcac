-- Schema 3 on PostgreSQL (see 0003_contacts_publication.sql): the CHECK constraints change in place.
ALTER TABLE contacts DROP CONSTRAINT contacts_method_check;
ALTER TABLE contacts ADD CONSTRAINT contacts_method_check
    CHECK (method IN ('meeting', 'consultation', 'phone', 'visit', 'other'));
DROP INDEX contacts_proposal;
CREATE INDEX contacts_proposal ON contacts (proposal_id, contact_date);

ALTER TABLE replies ADD COLUMN published_where TEXT;

ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check;
ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check
    CHECK (kind IN ('reply_due', 'commitment_due', 'target_due', 'stale_evidence', 'no_feedback', 'reanswer_due',
                    'publish_due', 'custom'));
