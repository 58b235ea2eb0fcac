-- Schema 2: target suggestions found by their reply. The replies list counts each reply's undecided suggestions,
-- and reviewing a letter again reads its suggestion rows; without this index each of those scans every pending
-- suggestion of the ledger (2.5 s for one screen of the replies list with 200 000 of them, bench/README.md).
-- It also serves the foreign key when a reply is deleted.
CREATE INDEX suggestions_reply ON suggestions (reply_id, kind, state);
