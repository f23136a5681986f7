-- pgbench9: the conference list a page at a time, most recently saved first. The page's query
-- is a keyset on (updated_at, id) ordered both descending: this index serves it walked backwards,
-- so the first page of 200,000 conferences reads 101 index entries, not the table.
CREATE INDEX IF NOT EXISTS conferences_recent ON cpc.conferences (updated_at, id);
-- 001's index on the same columns (id the other way) served the old whole-list order only; every
-- save moves updated_at, so keeping both would make each save update two identical indexes.
DROP INDEX IF EXISTS cpc.conferences_updated;
