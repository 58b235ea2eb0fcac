-- Schema 8: a search of the commitments list sorts its matches without reading their table rows.
--
-- A search looks its matches up by commitment (commitment_id) and by target (target_id, the row key of a target's
-- row). With the deadline, the list's default order, next to each id in those indexes, sorting thousands of
-- matches reads the indexes alone instead of one table row per match (bench/list_views.py).

DROP INDEX commitment_list_commitment;
CREATE INDEX commitment_list_commitment ON commitment_list (commitment_id, deadline);
CREATE INDEX commitment_list_target ON commitment_list (target_id, deadline);
