-- Each payee and memo term carries its transaction's payee as the payee index holds it (transactions.payee_key,
-- lower case): the first page of a word in payee order then asks the term index, payee by payee, whether the
-- payee's own words start with the word and which of its memos do, and reads only the rows the page shows
-- (decision 35). Split memo and amount terms leave it empty. Terms written from now on carry it from the write
-- that indexes their transaction; this fills the terms written before. Written to run again safely.
alter table search_terms add column if not exists payee_key character varying(200);

update search_terms st set payee_key = (select t.payee_key from transactions t where t.id = st.transaction_id)
where st.field in (0, 1) and st.payee_key is null;

create index if not exists search_terms_by_client_field_payee
    on search_terms (client_id, field, payee_key, term, on_day, transaction_id);
