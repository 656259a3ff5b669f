-- Search reads only this index, never the term rows: it holds every column a search needs. A word's
-- terms in one field come newest first, so the best matches of a common word are its first index
-- entries and a search stops reading after them. It starts with the term, so it replaces
-- search_terms_by_term (V2) for prefix ranges too. Written to run again safely.
create index if not exists search_terms_by_term_field_day
    on search_terms (term, field, on_day desc, transaction_id, client_id);
drop index if exists search_terms_by_term;
