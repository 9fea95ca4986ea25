#pragma once
// The search index. SQLite: the documents in search_documents and an FTS5 index over their words
// (search_fts, kept in step by triggers). PostgreSQL: a tsvector of the words with a GIN index.
// Both are asked for by centre and rank alike; the words are letters and digits only (domain::search_words),
// so the match expression built from them is safe to bind. On PostgreSQL every indexed and queried
// word is prefixed with its centre (migration 0014), so the index itself is per centre.

namespace cma::store::search::sql {

inline constexpr const char* kDeleteDocuments =
    "DELETE FROM search_documents WHERE centre_id = :centre AND kind = :kind AND entity_id = :entity";
inline constexpr const char* kInsertDocument =
    "INSERT INTO search_documents (centre_id, kind, entity_id, case_id, field, label, text, words)"
    " VALUES (:centre, :kind, :entity, :case_id, :field, :label, :text, :words)";
// A search's matches are ordered the same way on both databases: by how many of the query's words
// are whole words of the field (the rest only start one), then by the field (a reference or a name
// before a postcode or an e-mail address, before a summary or a note), then the most recently
// indexed first. Every part of that is read from the matched row itself, so ranking a match costs
// next to nothing beyond reading it. The exact-word terms (one per query word, `:w0`, `:w1`, ...,
// bound as " word ") are added by the repository; {EXACT} stands for their sum.
inline constexpr const char* kFieldWeight =
    "CASE d.field WHEN 'reference' THEN 3 WHEN 'name' THEN 3 WHEN 'postcode' THEN 2 WHEN 'email' THEN 2"
    " ELSE 1 END";
// SQLite: FTS5 finds the documents with every word (of every centre; a centre's are a fraction),
// then the centre's are ordered.
inline constexpr const char* kSearchSqlite =
    "SELECT d.kind, d.entity_id, d.case_id, d.field, d.label, d.text FROM search_fts"
    " JOIN search_documents d ON d.id = search_fts.rowid"
    " WHERE search_fts MATCH :match AND d.centre_id = :centre AND (:kind = '' OR d.kind = :kind)"
    " ORDER BY {EXACT} DESC, {WEIGHT} DESC, d.id DESC LIMIT :limit";
// PostgreSQL: the words already carry the centre, so the word index alone finds the centre's
// matches; OFFSET 0 keeps the planner from also reading the centre's whole range of another index
// to intersect with it (measured: 60 searches a second instead of thousands at 1,000,000 cases).
// The centre is still checked on every row. At most kSearchCandidates matches are ordered, so a
// word that is in most of a centre's notes costs a bounded amount.
inline constexpr int kSearchCandidates = 2000;
inline constexpr const char* kSearchPostgresql =
    "SELECT d.kind, d.entity_id, d.case_id, d.field, d.label, d.text FROM ("
    "SELECT m.id, m.kind, m.entity_id, m.case_id, m.field, m.label, m.text, m.words FROM ("
    "SELECT id, centre_id, kind, entity_id, case_id, field, label, text, words FROM search_documents"
    " WHERE tsv @@ to_tsquery('simple', :match) OFFSET 0) m"
    " WHERE m.centre_id = :centre AND (:kind = '' OR m.kind = :kind) LIMIT :candidates) d"
    " ORDER BY {EXACT} DESC, {WEIGHT} DESC, d.id DESC LIMIT :limit";
inline constexpr const char* kHasDocuments = "SELECT 1 FROM search_documents WHERE centre_id = :centre LIMIT 1";
inline constexpr const char* kSourceClients =
    "SELECT id, first_name, last_name, reference, postcode, email FROM clients"
    " WHERE centre_id = :centre AND status = 'active'";
inline constexpr const char* kSourceCases =
    "SELECT c.id, c.reference, c.summary, cl.first_name, cl.last_name FROM cases c"
    " JOIN clients cl ON cl.id = c.client_id AND cl.centre_id = c.centre_id WHERE c.centre_id = :centre";
inline constexpr const char* kSourceNotes = "SELECT id, case_id, note_type, body FROM notes WHERE centre_id = :centre";

}  // namespace cma::store::search::sql
