#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// PostgreSQL: the search index as one row per word of each document (search_postings), ordered in
// a B-tree by centre and word with the document's kind, weight and id. A search reads a word's
// range of the index alone (an index-only scan over neighbouring entries) and ranks there, then
// reads only the documents it returns; the word vector and its GIN index read every matching
// document's row, one page each, before ranking, which a common surname made slow. The postings
// follow search_documents by a trigger (the store only inserts and deletes documents) and go with
// their document. The weight is the field's rank (store/search). SQLite keeps FTS5.
const Migration migration0017 = {
    17,
    "search postings",
    {},
    {R"(CREATE TABLE search_postings (
          centre_id text NOT NULL,
          word text COLLATE "C" NOT NULL,
          kind text NOT NULL,
          weight smallint NOT NULL,
          document_id bigint NOT NULL REFERENCES search_documents (id) ON DELETE CASCADE))",
     R"(CREATE FUNCTION search_field_weight(field text) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
          SELECT (CASE field WHEN 'reference' THEN 3 WHEN 'name' THEN 3 WHEN 'postcode' THEN 2
                  WHEN 'email' THEN 2 ELSE 1 END)::smallint $$)",
     R"(CREATE FUNCTION search_postings_add() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO search_postings (centre_id, word, kind, weight, document_id)
          SELECT DISTINCT NEW.centre_id, w, NEW.kind, search_field_weight(NEW.field), NEW.id
          FROM regexp_split_to_table(NEW.words, ' ') AS w WHERE w <> '';
          RETURN NULL;
        END $$)",
     "CREATE TRIGGER search_postings_add AFTER INSERT ON search_documents"
     " FOR EACH ROW EXECUTE FUNCTION search_postings_add()",
     R"(INSERT INTO search_postings (centre_id, word, kind, weight, document_id)
        SELECT DISTINCT d.centre_id, w, d.kind, search_field_weight(d.field), d.id
        FROM search_documents d, regexp_split_to_table(d.words, ' ') AS w WHERE w <> '')",
     "CREATE INDEX search_postings_word_idx ON search_postings (centre_id, word, kind, weight, document_id)",
     "CREATE INDEX search_postings_document_idx ON search_postings (document_id)",
     "DROP INDEX search_documents_tsv_idx", "ALTER TABLE search_documents DROP COLUMN tsv", "ANALYZE search_postings"}};

}  // namespace cma::store::migrations
