#pragma once
// Replies shared by every resource's routes. Each resource gives its JSON shape by specialising
// Json<T> in its own folder (http/<module>/json.hpp), so adding one touches no shared file.
#include <boost/json.hpp>

#include "app/model.hpp"
#include "app/paging.hpp"
#include "domain/result.hpp"
#include "http/handler.hpp"
#include "http/json_writer.hpp"

namespace cma::http {

// The JSON for one T: either Json<T>::write(JsonWriter&, const T&), which writes it straight into
// the response (the shapes that lists carry by the hundred), or Json<T>::of(const T&), which builds
// it as a boost::json::object (the shapes that are nested or read back).
template <class T>
struct Json;

template <class T>
concept WrittenJson = requires(JsonWriter& w, const T& v) {
  Json<T>::write(w, v);
};

template <class T>
boost::json::object to_json(const T& value) {
  return Json<T>::of(value);
}

template <class T>
void write_json(JsonWriter& w, const T& value) {
  if constexpr (WrittenJson<T>)
    Json<T>::write(w, value);
  else
    w.value(boost::json::value(Json<T>::of(value)));
}

// {"items": [...], "nextCursor": ...}, each item written by `write_item(JsonWriter&, const T&)`.
template <class T, class F>
Response page_json(const app::Page<T>& page, F&& write_item) {
  JsonWriter w(256 + page.items.size() * 768);
  w.begin_object().key("items").begin_array();
  for (const auto& i : page.items) write_item(w, i);
  w.end_array().nullable("nextCursor", page.next_cursor).end_object();
  return Response::json_text(200, w.take());
}

template <class T>
Response page_json(const app::Page<T>& page) {
  return page_json(page, [](JsonWriter& w, const T& v) { write_json(w, v); });
}

// Replies with `ok_status` and the value's JSON, or with the error's problem.
template <class T>
Response reply(const Result<T>& r, const Request& req, int ok_status = 200) {
  if (!r) return problem(r.error(), req);
  if constexpr (WrittenJson<T>) {
    JsonWriter w(1024);
    Json<T>::write(w, r.value());
    return Response::json_text(ok_status, w.take());
  } else {
    return Response::json(ok_status, to_json(r.value()));
  }
}

// Reads `limit` and `cursor` from the query string.
Result<app::PageRequest> page_request(const Request& req);
// The same for a list paged by a sort key; `list` names the list and its sort.
Result<app::KeysetRequest> keyset_request(const Request& req, std::string_view list);

}  // namespace cma::http
