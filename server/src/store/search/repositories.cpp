#include "store/search/repositories.hpp"

#include "app/search/ports.hpp"
#include "store/search/queries.hpp"

namespace cma::store::search {

namespace {

using db::write_guarded;

class Index final : public app::SearchIndex {
 public:
  explicit Index(db::Connection& c) : dialect_(c.dialect), statements_(c.statements) {}

  void put(const app::CentreScope& scope, const std::string& kind, const std::string& entity_id,
           const std::vector<app::SearchDocument>& documents) override {
    write_guarded([&] {
      db::Query del(statements_, sql::kDeleteDocuments);
      del.bind("centre", scope.centre_id()).bind("kind", kind).bind("entity", entity_id).run();
      for (const auto& d : documents) {
        db::Query q(statements_, sql::kInsertDocument);
        q.bind("centre", scope.centre_id())
            .bind("kind", kind)
            .bind("entity", entity_id)
            .bind("case_id", d.case_id)
            .bind("field", d.field)
            .bind("label", d.label)
            .bind("text", d.text)
            .bind("words", d.words)
            .run();
      }
    });
  }

  std::vector<app::SearchDocument> search(const app::CentreScope& scope, const std::vector<std::string>& words,
                                          const std::string& kind, int limit) override {
    if (dialect_ == db::Dialect::postgresql) return search_postgresql(scope, words, kind, limit);
    // FTS5: every word, as a word or the start of one ("a"* AND "b"*), and one whole-word term per
    // query word: the word, with a space either side, is in the field's words with a space either
    // side. The statement's text depends only on the number of words.
    std::string match;
    std::string exact;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!match.empty()) match += " AND ";
      match.append("\"").append(words[i]).append("\"*");
      if (!exact.empty()) exact += " + ";
      exact += "(instr(' ' || d.words || ' ', :w" + std::to_string(i) + ") > 0)";
    }
    std::string text = sql::kSearchSqlite;
    text.replace(text.find("{EXACT}"), 7, "(" + exact + ")");
    text.replace(text.find("{WEIGHT}"), 8, sql::kFieldWeight);
    db::Query q(statements_, text);
    q.bind("match", match).bind("centre", scope.centre_id()).bind("kind", kind).bind("limit", limit);
    for (std::size_t i = 0; i < words.size(); ++i) q.bind("w" + std::to_string(i), " " + words[i] + " ");
    return read(q);
  }

  // One range of postings per query word: from the word itself to the first text after every word
  // that starts with it (the word followed by the highest code point, compared byte by byte).
  std::vector<app::SearchDocument> search_postgresql(const app::CentreScope& scope,
                                                     const std::vector<std::string>& words, const std::string& kind,
                                                     int limit) {
    std::string match, all, exact;
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string p = ":p" + std::to_string(i), q = ":q" + std::to_string(i);
      std::string range = "(p.word >= " + p + " AND p.word < " + q + ")";
      match += (i == 0 ? "" : " OR ") + range;
      all += (i == 0 ? "bool_or" : " AND bool_or") + range;
      exact += (i == 0 ? "(bool_or(p.word = " : " + (bool_or(p.word = ") + p + "))::int";
    }
    std::string text = sql::kSearchPostgresql;
    text.replace(text.find("{EXACT}"), 7, exact);
    text.replace(text.find("{MATCH}"), 7, match);
    text.replace(text.find("{ALL}"), 5, all);
    // PostgreSQL plans a prepared statement afresh on each run while its plan for the bound values
    // looks cheaper than its plan for any value. It does here (the statistics see a few postings
    // per word and centre, not hundreds), and the planning took about as long as the search: with
    // the plan for any value, which reads the same index range, a common word's search ran 1.7
    // times as often a second. SET LOCAL holds for the caller's transaction only.
    db::Query(statements_, "SET LOCAL plan_cache_mode = force_generic_plan").run();
    db::Query q(statements_, text);
    q.bind("centre", scope.centre_id()).bind("kind", kind).bind("limit", limit);
    for (std::size_t i = 0; i < words.size(); ++i) {
      q.bind("p" + std::to_string(i), words[i]);
      q.bind("q" + std::to_string(i), words[i] + "\xF4\x8F\xBF\xBF");  // U+10FFFF
    }
    return read(q);
  }

  static std::vector<app::SearchDocument> read(db::Query& q) {
    std::vector<app::SearchDocument> out;
    while (q.next()) {
      app::SearchDocument d;
      q.read(0, d.kind);
      q.read(1, d.entity_id);
      q.read(2, d.case_id);
      q.read(3, d.field);
      q.read(4, d.label);
      q.read(5, d.text);
      out.push_back(std::move(d));
    }
    return out;
  }

  bool has_documents(const app::CentreScope& scope) override {
    db::Query q(statements_, sql::kHasDocuments);
    q.bind("centre", scope.centre_id());
    return q.next();
  }

  Sources sources(const app::CentreScope& scope) override {
    Sources s;
    {
      db::Query q(statements_, sql::kSourceClients);
      q.bind("centre", scope.centre_id());
      while (q.next()) {
        app::Client c;
        q.read(0, c.id);
        q.read(1, c.first_name);
        q.read(2, c.last_name);
        q.read(3, c.reference);
        q.read(4, c.postcode);
        q.read(5, c.email);
        c.centre_id = scope.centre_id();
        s.clients.push_back(std::move(c));
      }
    }
    {
      db::Query q(statements_, sql::kSourceCases);
      q.bind("centre", scope.centre_id());
      while (q.next()) {
        app::Case c;
        q.read(0, c.id);
        q.read(1, c.reference);
        q.read(2, c.summary);
        q.read(3, c.client_first_name);
        q.read(4, c.client_last_name);
        c.centre_id = scope.centre_id();
        s.cases.push_back(std::move(c));
      }
    }
    {
      db::Query q(statements_, sql::kSourceNotes);
      q.bind("centre", scope.centre_id());
      while (q.next()) {
        app::Note n;
        q.read(0, n.id);
        q.read(1, n.case_id);
        q.read(2, n.note_type);
        q.read(3, n.body);
        n.centre_id = scope.centre_id();
        s.notes.push_back(std::move(n));
      }
    }
    return s;
  }

 private:
  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::SearchIndex, Index>();
}

}  // namespace cma::store::search
