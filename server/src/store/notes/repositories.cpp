#include "store/notes/repositories.hpp"

#include "app/notes/ports.hpp"
#include "store/notes/queries.hpp"

namespace cma::store::notes {

namespace {

using db::write_guarded;

// A row of CMA_NOTE_COLUMNS, in that order.
app::Note read_note(const db::Query& q) {
  app::Note n;
  q.read(0, n.id);
  q.read(1, n.centre_id);
  q.read(2, n.case_id);
  q.read(3, n.note_type);
  q.read(4, n.body);
  n.pinned = q.flag(5);
  q.read(6, n.author_id);
  n.revision = static_cast<int>(q.integer(7));
  q.read(8, n.edited_by);
  q.read(9, n.created_at);
  q.read(10, n.updated_at);
  return n;
}

class Notes final : public app::NoteRepository {
 public:
  explicit Notes(db::Connection& c) : dialect_(c.dialect), statements_(c.statements) {}

  std::optional<app::Note> find(const app::CentreScope& scope, const std::string& case_id,
                                const std::string& id) override {
    return find_one(sql::kFindNote, scope, case_id, id);
  }

  std::optional<app::Note> find_for_update(const app::CentreScope& scope, const std::string& case_id,
                                           const std::string& id) override {
    return find_one(dialect_ == db::Dialect::postgresql ? sql::kFindNoteForUpdatePostgresql : sql::kFindNote, scope,
                    case_id, id);
  }

  void insert(const app::Note& n) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertNote);
      q.bind("id", n.id)
          .bind("centre", n.centre_id)
          .bind("case_id", n.case_id)
          .bind("type", n.note_type)
          .bind("body", n.body)
          .bind("pinned", n.pinned)
          .bind("author", n.author_id)
          .bind("revision", n.revision)
          .bind("edited_by", n.edited_by)
          .bind("created", n.created_at)
          .bind("updated", n.updated_at)
          .run();
    });
  }

  void update(const app::Note& n) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kUpdateNote);
      q.bind("type", n.note_type)
          .bind("body", n.body)
          .bind("pinned", n.pinned)
          .bind("revision", n.revision)
          .bind("edited_by", n.edited_by)
          .bind("updated", n.updated_at)
          .bind("id", n.id)
          .bind("case_id", n.case_id)
          .bind("centre", n.centre_id)
          .run();
    });
  }

  void insert_revision(const app::NoteRevision& r) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertNoteRevision);
      q.bind("note_id", r.note_id)
          .bind("centre", r.centre_id)
          .bind("revision", r.revision)
          .bind("type", r.note_type)
          .bind("body", r.body)
          .bind("edited_by", r.edited_by)
          .bind("edited_at", r.edited_at)
          .run();
    });
  }

  std::vector<app::Note> list(const app::CentreScope& scope, const std::string& case_id,
                              const app::NoteListQuery& query, const app::KeysetRequest& page) override {
    int after_pinned = 2;
    std::string after_created, after_id;
    if (page.has_cursor) {  // the use case checked the key's shape: "0|…" or "1|…"
      after_pinned = page.after_key[0] == '1' ? 1 : 0;
      after_created = page.after_key.substr(2);
      after_id = page.after_id;
    }
    db::Query q(statements_, sql::kListNotes);
    q.bind("centre", scope.centre_id())
        .bind("case_id", case_id)
        .bind("type", query.note_type)
        .bind("min_pinned", query.pinned_only ? 1 : 0)
        .bind("after_pinned", after_pinned)
        .bind("after_created", after_created)
        .bind("after_id", after_id)
        .bind("limit", page.limit);
    std::vector<app::Note> out;
    while (q.next()) out.push_back(read_note(q));
    return out;
  }

  std::vector<app::NoteRevision> revisions(const app::CentreScope& scope, const std::string& note_id,
                                           int after_revision, int limit) override {
    db::Query q(statements_, sql::kListNoteRevisions);
    q.bind("centre", scope.centre_id()).bind("note_id", note_id).bind("after", after_revision).bind("limit", limit);
    std::vector<app::NoteRevision> out;
    while (q.next()) {
      app::NoteRevision r;
      q.read(0, r.note_id);
      q.read(1, r.centre_id);
      r.revision = static_cast<int>(q.integer(2));
      q.read(3, r.note_type);
      q.read(4, r.body);
      q.read(5, r.edited_by);
      q.read(6, r.edited_at);
      out.push_back(std::move(r));
    }
    return out;
  }

 private:
  std::optional<app::Note> find_one(const char* query, const app::CentreScope& scope, const std::string& case_id,
                                    const std::string& id) {
    db::Query q(statements_, query);
    q.bind("id", id).bind("case_id", case_id).bind("centre", scope.centre_id());
    if (!q.next()) return std::nullopt;
    return read_note(q);
  }

  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::NoteRepository, Notes>();
}

}  // namespace cma::store::notes
