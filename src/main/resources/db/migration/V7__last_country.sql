-- Where the citizen last said they are (iso2 of faq/countries.tsv, the mission's own included), so an emergency
-- written later without a place still gets that country's numbers. Deleted with the conversation.
ALTER TABLE conversations ADD COLUMN last_country VARCHAR(2);
