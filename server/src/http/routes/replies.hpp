#pragma once
// Replies shared by every resource's routes. Each resource gives its JSON shape by specialising
// Json<T> in its own folder (http/<module>/json.hpp), so adding one touches no shared file.
#include <boost/json.hpp>

#include "app/model.hpp"
#include "app/paging.hpp"
#include "domain/result.hpp"
#include "http/handler.hpp"

namespace cma::http {

// Json<T>::of(const T&) is the JSON object for one T.
template <class T>
struct Json;

template <class T>
boost::json::object to_json(const T& value) {
  return Json<T>::of(value);
}

template <class T>
Response page_json(const app::Page<T>& page) {
  boost::json::array items;
  for (const auto& i : page.items) items.push_back(to_json(i));
  boost::json::object o;
  o["items"] = std::move(items);
  o["nextCursor"] = page.next_cursor.empty() ? boost::json::value(nullptr) : boost::json::value(page.next_cursor);
  return Response::json(200, boost::json::value(std::move(o)));
}

// Replies with `ok_status` and the value's JSON, or with the error's problem.
template <class T>
Response reply(const Result<T>& r, const Request& req, int ok_status = 200) {
  if (!r) return problem(r.error(), req);
  return Response::json(ok_status, to_json(r.value()));
}

// Reads `limit` and `cursor` from the query string.
Result<app::PageRequest> page_request(const Request& req);
// The same for a list paged by a sort key; `list` names the list and its sort.
Result<app::KeysetRequest> keyset_request(const Request& req, std::string_view list);

}  // namespace cma::http
