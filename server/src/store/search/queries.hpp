#pragma once
// The search index. SQLite: the documents in search_documents and an FTS5 index over their words
// (search_fts, kept in step by triggers). PostgreSQL: one posting per word of each document, in a
// B-tree by centre and word (search_postings, kept in step by a trigger). Both are asked for by
// centre and rank alike; the words are letters and digits only (domain::search_words), so the FTS5
// match expression built from them is safe to bind.

namespace cma::store::search::sql {

inline constexpr const char* kDeleteDocuments =
    "DELETE FROM search_documents WHERE centre_id = :centre AND kind = :kind AND entity_id = :entity";
inline constexpr const char* kInsertDocument =
    "INSERT INTO search_documents (centre_id, kind, entity_id, case_id, field, label, text, words)"
    " VALUES (:centre, :kind, :entity, :case_id, :field, :label, :text, :words)";
// A search's matches are ordered the same way on both databases: by how many of the query's words
// are whole words of the field (the rest only start one), then by the field (a reference or a name
// before a postcode or an e-mail address, before a summary or a note: kFieldWeight here, and
// search_field_weight() in migration 0017), then the most recently indexed first.
// SQLite: the exact-word terms (one per query word, `:w0`, `:w1`, ..., bound as " word ") are
// added by the repository; {EXACT} stands for their sum.
inline constexpr const char* kFieldWeight =
    "CASE d.field WHEN 'reference' THEN 3 WHEN 'name' THEN 3 WHEN 'postcode' THEN 2 WHEN 'email' THEN 2"
    " ELSE 1 END";
// SQLite: FTS5 finds the documents with every word (of every centre; a centre's are a fraction),
// then the centre's are ordered, reading each match's row.
inline constexpr const char* kSearchSqlite =
    "SELECT d.kind, d.entity_id, d.case_id, d.field, d.label, d.text FROM search_fts"
    " JOIN search_documents d ON d.id = search_fts.rowid"
    " WHERE search_fts MATCH :match AND d.centre_id = :centre AND (:kind = '' OR d.kind = :kind)"
    " ORDER BY {EXACT} DESC, {WEIGHT} DESC, d.id DESC LIMIT :limit";
// PostgreSQL: the postings of the centre's words (migration 0017), read in the index alone: one
// range of neighbouring entries per query word ({MATCH}: "word >= :p0 AND word < :q0", the word and
// the first text past every word starting with it, OR the next word's range). Each document must
// have a posting in every word's range ({ALL}: "bool_or(...) AND ..."); {EXACT} counts the query
// words it holds whole ("(bool_or(word = :p0))::int + ..."). Only the documents returned are read.
inline constexpr const char* kSearchPostgresql =
    "SELECT d.kind, d.entity_id, d.case_id, d.field, d.label, d.text FROM ("
    "SELECT p.document_id, {EXACT} AS exact, max(p.weight) AS weight FROM search_postings p"
    " WHERE p.centre_id = :centre AND (:kind = '' OR p.kind = :kind) AND ({MATCH})"
    " GROUP BY p.document_id HAVING {ALL}"
    " ORDER BY exact DESC, weight DESC, p.document_id DESC LIMIT :limit) r"
    " JOIN search_documents d ON d.id = r.document_id AND d.centre_id = :centre"
    " ORDER BY r.exact DESC, r.weight DESC, d.id DESC";
inline constexpr const char* kHasDocuments = "SELECT 1 FROM search_documents WHERE centre_id = :centre LIMIT 1";
inline constexpr const char* kSourceClients =
    "SELECT id, first_name, last_name, reference, postcode, email FROM clients"
    " WHERE centre_id = :centre AND status = 'active'";
inline constexpr const char* kSourceCases =
    "SELECT c.id, c.reference, c.summary, cl.first_name, cl.last_name FROM cases c"
    " JOIN clients cl ON cl.id = c.client_id AND cl.centre_id = c.centre_id WHERE c.centre_id = :centre";
inline constexpr const char* kSourceNotes = "SELECT id, case_id, note_type, body FROM notes WHERE centre_id = :centre";

}  // namespace cma::store::search::sql
