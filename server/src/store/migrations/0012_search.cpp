#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Search over clients, cases and notes. Each searchable field of an entity is a row of
// search_documents with its folded words (domain::search_index_text). SQLite indexes the words with
// FTS5 (an external-content table kept in step by triggers); PostgreSQL with a generated tsvector
// and a GIN index. Databases from before it are indexed at start-up (app::fill_missing_search_index).
const Migration migration0012 = {
    12,
    "search",
    {R"(CREATE TABLE search_documents (
        id INTEGER PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        field TEXT NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        words TEXT NOT NULL))",
     "CREATE INDEX search_documents_entity_idx ON search_documents (centre_id, kind, entity_id)",
     "CREATE VIRTUAL TABLE search_fts USING fts5(words, content='search_documents', content_rowid='id', "
     "tokenize='unicode61')",
     R"(CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
        INSERT INTO search_fts (rowid, words) VALUES (new.id, new.words);
        END)",
     R"(CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
        INSERT INTO search_fts (search_fts, rowid, words) VALUES ('delete', old.id, old.words);
        END)"},
    {R"(CREATE TABLE search_documents (
        id BIGSERIAL PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        field TEXT NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        words TEXT NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED))",
     "CREATE INDEX search_documents_entity_idx ON search_documents (centre_id, kind, entity_id)",
     "CREATE INDEX search_documents_tsv_idx ON search_documents USING GIN (tsv)"}};

}  // namespace cma::store::migrations
