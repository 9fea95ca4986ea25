#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url.hpp>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "app/documents/records.hpp"
#include "http/documents/upload.hpp"
#include "platform/crypto.hpp"
#include "platform/log.hpp"
#include "platform/utf8.hpp"

namespace cma::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::use_awaitable;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
namespace log = platform::log;

namespace {

// Metric labels for requests that reached no route: never the raw path, which is unbounded and may
// hold ids or personal data.
constexpr std::string_view kUnmatchedRoute = "(unmatched)";
constexpr std::string_view kUnparsedRoute = "(unparsed)";

struct Session {
  explicit Session(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  bool busy = false;  // touched only on the session's strand
};

bool safe_request_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':' || c == '=' ||
          c == ';'))
      return false;
  return true;
}

std::string header(const bhttp::request_header<>& r, bhttp::field f) {
  auto it = r.find(f);
  return it == r.end() ? std::string() : std::string(it->value());
}

std::string header(const bhttp::request_header<>& r, std::string_view name) {
  auto it = r.find(name);
  return it == r.end() ? std::string() : std::string(it->value());
}

// A header value that is stored or echoed (the User-Agent goes into audit entries): never rejected,
// since a client cannot always choose it, but made valid UTF-8. Invalid sequences become U+FFFD and
// the value is marked at the front, where truncation cannot cut the mark off.
constexpr std::string_view kInvalidUtf8Mark = "[invalid UTF-8] ";

std::string stored_header_text(std::string_view value, std::size_t max_bytes) {
  if (platform::is_valid_utf8(value)) return std::string(platform::truncate_utf8(value, max_bytes));
  return std::string(
      platform::truncate_utf8(std::string(kInvalidUtf8Mark) + platform::sanitize_utf8(value), max_bytes));
}

// An address from X-Forwarded-For is used only if it is one; anything else keeps the peer's address.
// Each trusted proxy appends the address it saw, so the client's is the `hops`-th entry from the
// end; what lies before it is whatever the client sent and is not believed. With fewer entries
// than hops (a request that came through fewer proxies) the first one is the client's.
std::optional<std::string> forwarded_address(std::string_view xff, int hops) {
  std::string_view entry = xff;
  for (int seen = 0; seen < hops; ++seen) {
    auto comma = xff.rfind(',');
    if (comma == std::string_view::npos) {
      entry = xff;
      break;
    }
    entry = xff.substr(comma + 1);
    xff = xff.substr(0, comma);
  }
  while (!entry.empty() && (entry.front() == ' ' || entry.front() == '\t')) entry.remove_prefix(1);
  while (!entry.empty() && (entry.back() == ' ' || entry.back() == '\t')) entry.remove_suffix(1);
  if (entry.empty() || entry.size() > 45) return std::nullopt;
  boost::system::error_code ec;
  auto address = asio::ip::make_address(std::string(entry), ec);
  if (ec) return std::nullopt;
  return address.to_string();
}

}  // namespace

struct Server::Impl {
  Impl(RequestHandler h, ServerOptions o)
      : handler(std::move(h)),
        opt(std::move(o)),
        acceptor(ioc),
        workers(static_cast<std::size_t>(std::max(1, opt.workers))),
        readers(static_cast<std::size_t>(std::max(1, opt.read_workers))) {}

  RequestHandler handler;
  ServerOptions opt;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  // Writes and reads run on pools of their own. A write on SQLite holds its worker until its batch
  // is on disk, so writes need many workers to fill a batch (store/db/group_commit.hpp); reads are
  // CPU-bound and run fastest on about two threads a core, each keeping its connection's cache warm
  // (on 2 cores, a case read 7,000 times a second with 16 workers and 10,000 with 4).
  asio::thread_pool workers;
  asio::thread_pool readers;
  std::atomic<int> queued{0};
  std::atomic<std::uint64_t> refused_total{0};
  std::atomic<bool> draining{false};   // not accepting; idle connections closed
  std::atomic<bool> lame_duck{false};  // stopping: health fails and responses close their connection
  int bound_port = 0;

  mutable std::mutex sessions_mu;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;

  std::mutex stop_mu;
  std::condition_variable stop_cv;
  bool stop_requested = false;

  void request_stop() {
    // Health fails from the moment the stop is asked for, not once run() gets round to it.
    lame_duck = true;
    std::lock_guard lock(stop_mu);
    stop_requested = true;
    stop_cv.notify_all();
  }

  std::size_t open_sessions() const {
    std::lock_guard lock(sessions_mu);
    return sessions.size();
  }

  // Idle keep-alive connections are closed; busy ones close after their response.
  void close_idle_sessions() {
    std::lock_guard lock(sessions_mu);
    for (auto& [ptr, weak] : sessions) {
      if (auto s = weak.lock()) {
        asio::post(s->stream.get_executor(), [s] {
          if (!s->busy) s->stream.cancel();
        });
      }
    }
  }

  asio::awaitable<void> accept_loop() {
    while (!draining) {
      auto accepted = co_await acceptor.async_accept(asio::make_strand(ioc), use_tuple);
      auto ec = std::get<0>(accepted);
      auto& socket = std::get<1>(accepted);
      if (ec) {
        if (draining || !acceptor.is_open()) co_return;
        // e.g. out of file descriptors: back off briefly instead of spinning
        asio::steady_timer t(ioc, std::chrono::milliseconds(50));
        co_await t.async_wait(use_tuple);
        continue;
      }
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto s = std::make_shared<Session>(std::move(socket));
      bool admitted = false;
      {
        std::lock_guard lock(sessions_mu);
        if (sessions.size() < static_cast<std::size_t>(opt.max_connections)) {
          sessions.emplace(s.get(), s);
          admitted = true;
        }
      }
      if (!admitted) {
        refuse(s->stream.socket());
        continue;
      }
      asio::co_spawn(s->stream.get_executor(), session_loop(s), asio::detached);
    }
  }

  // Over the connection cap: answer 503 with Retry-After at once, without waiting for the request,
  // and close. Everything here is non-blocking (a small response fits the new socket's send buffer),
  // so a flood of connections is turned away as fast as it arrives and none of them stays open.
  std::int64_t refused_since_log = 0;
  std::chrono::steady_clock::time_point last_refusal_log{};

  void refuse(tcp::socket& socket) {
    Request bare;
    bare.meta.request_id = platform::to_hex(platform::random_bytes(12));
    Response resp = problem(Error::unavailable("The server has too many open connections; retry shortly."), bare);
    auto res = to_beast(resp, bare.meta.request_id, 11, false);
    boost::system::error_code ignored;
    socket.non_blocking(true, ignored);
    bhttp::write(socket, res, ignored);
    socket.shutdown(tcp::socket::shutdown_send, ignored);
    // Reading what the client already sent lets the close end in FIN rather than a reset, which
    // could make the client drop the 503 unread.
    char scratch[4096];
    for (int i = 0; i < 16; ++i)
      if (socket.read_some(asio::buffer(scratch), ignored) == 0) break;
    socket.close(ignored);

    ++refused_since_log;
    refused_total.fetch_add(1, std::memory_order_relaxed);
    auto now = std::chrono::steady_clock::now();
    if (now - last_refusal_log >= std::chrono::seconds(10)) {
      log::warn("http.connections_refused",
                log::Fields().add("maxConnections", opt.max_connections).add("refused", refused_since_log));
      refused_since_log = 0;
      last_refusal_log = now;
    }
  }

  // Path and query are checked here, once: a value that is not valid UTF-8 after percent-decoding
  // is a 400 that names it without echoing it, so nothing further in ever sees such text.
  Request to_request(const bhttp::request_header<>& r, const tcp::endpoint& peer, Response* early) {
    Request req;
    req.method = std::string(r.method_string());
    auto id = header(r, "X-Request-Id");
    if (!safe_request_id(id)) id = header(r, "X-Amzn-Trace-Id");
    if (!safe_request_id(id)) id = platform::to_hex(platform::random_bytes(12));
    req.meta.request_id = id;
    req.meta.user_agent = stored_header_text(header(r, bhttp::field::user_agent), 512);
    req.meta.ip = peer.address().to_string();
    req.secure = false;
    if (opt.trust_proxy) {
      if (auto forwarded = forwarded_address(header(r, "X-Forwarded-For"), opt.proxy_hops)) req.meta.ip = *forwarded;
      req.secure = header(r, "X-Forwarded-Proto") == "https";
    }
    req.content_type = header(r, bhttp::field::content_type);
    req.authorization = header(r, bhttp::field::authorization);
    req.cookie = header(r, bhttp::field::cookie);
    req.accept_encoding = header(r, bhttp::field::accept_encoding);
    req.accept = header(r, bhttp::field::accept);
    auto parsed = boost::urls::parse_origin_form(r.target());
    if (!parsed) {
      *early = problem(400, "Bad request", "The request target is not a valid path.", req);
      return req;
    }
    std::string path = parsed->path();
    if (!platform::is_valid_utf8(path)) {
      *early = problem(400, "Bad request", "The request path is not valid UTF-8 after percent-decoding.", req);
      return req;
    }
    req.path = std::move(path);
    for (auto p : parsed->params()) {
      if (!platform::is_valid_utf8(p.key)) {
        *early = problem(400, "Bad request", "A query parameter name is not valid UTF-8 after percent-decoding.", req);
        return req;
      }
      if (!platform::is_valid_utf8(p.value)) {
        *early = problem(400, "Bad request", "The query parameter " + p.key + " is not valid UTF-8.", req,
                         {{p.key, "is not valid UTF-8 after percent-decoding"}});
        return req;
      }
      req.query.emplace_back(p.key, p.value);
    }
    return req;
  }

  asio::awaitable<Response> run_on_worker(Request& req, platform::xray::Segment* segment) {
    if (queued.fetch_add(1) >= opt.queue_limit) {
      --queued;
      co_return problem(Error::unavailable("The server is busy; retry shortly."), req);
    }
    const bool read = req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS";
    Response resp = co_await asio::co_spawn(
        read ? readers.get_executor() : workers.get_executor(),
        [this, &req, segment]() -> asio::awaitable<Response> {
          log::RequestScope scope(req.meta.request_id);
          platform::xray::ActiveSegment traced(segment);  // the handler's SQL (and later S3, Redis) spans
          co_return handler(req);
        },
        use_awaitable);
    --queued;
    co_return resp;
  }

  static bhttp::response<bhttp::string_body> to_beast(Response& resp, const std::string& request_id, unsigned version,
                                                      bool keep_alive) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(resp.status), version};
    if (!resp.content_type.empty()) res.set(bhttp::field::content_type, resp.content_type);
    res.set("X-Request-Id", request_id);
    res.set("X-Content-Type-Options", "nosniff");
    bool has_cache_control = false;
    for (const auto& h : resp.headers) {
      res.insert(h.first, h.second);
      if (beast::iequals(h.first, "Cache-Control")) has_cache_control = true;
    }
    if (!has_cache_control) res.set(bhttp::field::cache_control, "no-store");
    res.body() = std::move(resp.body);
    res.keep_alive(keep_alive);
    res.prepare_payload();
    return res;
  }

  asio::awaitable<void> write(Session& s, Response& resp, const std::string& request_id, unsigned version,
                              bool keep_alive) {
    if (resp.file) {
      // A download: the headers as for any response, the body read from the spooled file a chunk
      // at a time as the socket takes it.
      bhttp::file_body::value_type body;
      beast::error_code ec;
      body.open(resp.file->path().c_str(), beast::file_mode::scan, ec);
      if (!ec) {
        auto head = to_beast(resp, request_id, version, keep_alive);
        bhttp::response<bhttp::file_body> res{std::piecewise_construct, std::make_tuple(std::move(body)),
                                              std::make_tuple(head.result(), version)};
        for (const auto& f : head)
          if (f.name() != bhttp::field::content_length) res.insert(f.name_string(), f.value());
        res.keep_alive(keep_alive);
        res.prepare_payload();
        bhttp::response_serializer<bhttp::file_body> sr{res};
        while (!sr.is_done()) {  // the deadline is per chunk, so a large file may take its time
          s.stream.expires_after(std::chrono::seconds(opt.read_timeout_seconds));
          auto wrote = co_await bhttp::async_write_some(s.stream, sr, use_tuple);
          if (std::get<0>(wrote)) break;
        }
        co_return;
      }
      Request bare;
      bare.meta.request_id = request_id;
      resp = problem(Error::unavailable("The download could not be prepared; try again."), bare);
    }
    auto res = to_beast(resp, request_id, version, keep_alive);
    s.stream.expires_after(std::chrono::seconds(opt.read_timeout_seconds));
    co_await bhttp::async_write(s.stream, res, use_tuple);
  }

  // A request whose body could not be read: answered (when there is anything to say) and logged.
  asio::awaitable<void> answer_read_error(Session& s, beast::error_code ec,
                                          std::chrono::steady_clock::time_point started) {
    Request bare;
    bare.meta.request_id = platform::to_hex(platform::random_bytes(12));
    std::optional<Response> resp;
    if (ec == bhttp::error::body_limit)
      resp = problem(413, "Payload too large",
                     "The body is larger than " + std::to_string(opt.max_body_bytes) + " bytes.", bare);
    else if (ec == bhttp::error::header_limit)
      resp = problem(431, "Request header fields too large", "The headers are too large.", bare);
    else if (ec != beast::error::timeout && ec != bhttp::error::end_of_stream && ec != asio::error::eof &&
             ec != asio::error::operation_aborted && ec != asio::error::connection_reset)
      resp = problem(400, "Bad request", "The request is not valid HTTP/1.1: " + ec.message() + ".", bare);
    if (resp) {
      if (opt.metrics != nullptr)
        opt.metrics->record("OTHER", kUnparsedRoute, resp->status, std::chrono::steady_clock::now() - started);
      co_await write(s, *resp, bare.meta.request_id, 11, false);
      // The scope is thread-local, so it must not span a co_await (the coroutine may resume elsewhere).
      log::RequestScope scope(bare.meta.request_id);
      log::info("http.request", log::Fields().add("status", resp->status).add("error", ec.message()));
    }
  }

  static bool is_upload(const bhttp::request_header<>& h) {
    auto parsed = boost::urls::parse_origin_form(h.target());
    return parsed && is_upload_route(h.method_string(), parsed->path());
  }

  // An upload route's body, read a chunk at a time (the deadline is per chunk) into an
  // UploadReceiver. A file over the limit is refused with 413 and nothing is kept; the rest of its
  // body is still read and dropped (up to a bound), so that the client, still sending, gets to read
  // the answer instead of a reset connection. Returns the error that ended reading, if any.
  asio::awaitable<beast::error_code> read_upload(Session& s, beast::flat_buffer& buffer,
                                                 bhttp::request_parser<bhttp::buffer_body>& up,
                                                 UploadReceiver& receiver, bool& too_large) {
    const std::uint64_t body_cap = opt.max_upload_bytes + kUploadOverheadBytes;
    const std::uint64_t drain_cap = body_cap + 1024ull * 1024 * 1024;
    auto declared = up.content_length();
    too_large = declared && *declared > body_cap;
    bool feeding = !too_large;
    std::uint64_t received = 0;
    std::vector<char> chunk(kUploadReadBytes);
    while (!up.is_done()) {
      up.get().body().data = chunk.data();
      up.get().body().size = chunk.size();
      s.stream.expires_after(std::chrono::seconds(opt.read_timeout_seconds));
      auto [ec, n] = co_await bhttp::async_read(s.stream, buffer, up, use_tuple);
      (void)n;
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec) co_return ec;
      std::size_t got = chunk.size() - up.get().body().size;
      received += got;
      if (received > body_cap) too_large = true;
      if (feeding && !too_large) {
        feeding = receiver.feed(std::string_view(chunk.data(), got));
        if (receiver.too_large()) too_large = true;
      }
      if (too_large && received > drain_cap) break;
    }
    co_return beast::error_code{};
  }

  // After a refused upload's answer: no more is sent, and what the client had already sent of the
  // body is read and dropped (up to what an upload may carry) before the connection closes, so that
  // the close is a FIN the client reads the answer before, not a reset that could discard it. A
  // client that waited on `Expect: 100-continue` sends nothing more and closes at once.
  asio::awaitable<void> drain_unread(Session& s, beast::flat_buffer& buffer) {
    boost::system::error_code ignored;
    s.stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    const std::uint64_t cap = opt.max_upload_bytes + kUploadOverheadBytes;
    std::uint64_t dropped = buffer.size();
    buffer.consume(buffer.size());
    std::vector<char> scratch(64 * 1024);
    while (dropped < cap) {
      s.stream.expires_after(std::chrono::seconds(std::min(opt.read_timeout_seconds, 5)));
      auto [ec, n] = co_await s.stream.async_read_some(asio::buffer(scratch), use_tuple);
      if (ec) break;
      dropped += n;
    }
  }

  asio::awaitable<void> session_loop(std::shared_ptr<Session> s) {
    beast::flat_buffer buffer;
    boost::system::error_code peer_ec;
    tcp::endpoint peer = s->stream.socket().remote_endpoint(peer_ec);
    while (!draining) {
      // The header first; then the body as the route needs it: whole, as a string, within
      // max_body_bytes, or streamed to disk for an upload route.
      bhttp::request_parser<bhttp::empty_body> head_parser;
      head_parser.header_limit(static_cast<std::uint32_t>(opt.max_header_bytes));
      head_parser.body_limit(boost::none);
      if (buffer.size() == 0) {  // wait, idle, for the next request to begin
        s->stream.expires_after(std::chrono::seconds(opt.idle_timeout_seconds));
        auto got = co_await s->stream.async_read_some(buffer.prepare(4096), use_tuple);
        if (std::get<0>(got)) break;
        buffer.commit(std::get<1>(got));
      }
      s->busy = true;
      auto started = std::chrono::steady_clock::now();
      double started_wall = opt.tracer != nullptr ? platform::xray::epoch_seconds_now() : 0.0;
      s->stream.expires_after(std::chrono::seconds(opt.read_timeout_seconds));
      auto read_head = co_await bhttp::async_read_header(s->stream, buffer, head_parser, use_tuple);
      if (auto ec = std::get<0>(read_head)) {
        co_await answer_read_error(*s, ec, started);
        break;
      }
      bhttp::request_header<> raw = head_parser.get();
      const bool client_keep_alive = head_parser.keep_alive();
      Response early;
      early.status = 0;
      Request req = to_request(raw, peer, &early);
      std::shared_ptr<UploadForm> form;
      std::string body_text;
      bool upload_too_large = false;
      const bool upload = is_upload(raw);
      // An upload is checked on its headers first (who calls, may they write to that case): a refused
      // one is answered before its body is read, so nothing of it reaches the spool.
      bool refused_unread = false;
      if (upload && early.status == 0) {
        req.headers_only = true;
        Response checked = co_await run_on_worker(req, nullptr);
        req.headers_only = false;
        if (checked.status != Response::kProceed) {
          early = std::move(checked);
          refused_unread = true;
        } else if (beast::iequals(header(raw, bhttp::field::expect), "100-continue")) {
          static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
          s->stream.expires_after(std::chrono::seconds(opt.read_timeout_seconds));
          auto wrote = co_await asio::async_write(s->stream, asio::buffer(kContinue), use_tuple);
          if (std::get<0>(wrote)) break;
        }
      } else if (upload) {
        refused_unread = true;  // the target itself is bad (400)
      }
      if (refused_unread) {
        // The body is not read; the connection closes after the answer (see drain_unread).
      } else if (upload) {
        bhttp::request_parser<bhttp::buffer_body> up(std::move(head_parser));
        up.body_limit(boost::none);
        UploadReceiver receiver(header(raw, bhttp::field::content_type), opt.max_upload_bytes, opt.upload_spool_dir);
        // The buffer began at 4 KiB for headers, and each read fills at most what it has room
        // for: a file read 4 KiB at a time costs a wake-up, a timer and a receive per 4 KiB.
        buffer.reserve(kUploadReadBytes);
        auto ec = co_await read_upload(*s, buffer, up, receiver, upload_too_large);
        buffer.shrink_to_fit();
        form = receiver.finish();
        if (ec && !upload_too_large) {
          co_await answer_read_error(*s, ec, started);
          break;
        }
      } else {
        bhttp::request_parser<bhttp::string_body> parser(std::move(head_parser));
        parser.body_limit(opt.max_body_bytes);
        beast::error_code ec;
        if (auto length = parser.content_length(); length && *length > opt.max_body_bytes)
          ec = bhttp::error::body_limit;
        else
          ec = std::get<0>(co_await bhttp::async_read(s->stream, buffer, parser, use_tuple));
        if (ec) {
          co_await answer_read_error(*s, ec, started);
          break;
        }
        body_text = std::move(parser.get().body());
      }
      req.body = std::move(body_text);
      req.form = std::move(form);
      if (upload_too_large && early.status == 0) {
        req.form.reset();  // its spooled file, if any, is removed now
        early = problem(413, "Payload too large",
                        "The file is larger than the limit of " + std::to_string(opt.max_upload_bytes) + " bytes.", req,
                        {{"file", "is larger than " + std::to_string(opt.max_upload_bytes) + " bytes"}});
      }
      std::optional<platform::xray::Tracer::Context> trace;
      std::optional<platform::xray::Segment> segment;
      if (opt.tracer != nullptr) {
        trace = opt.tracer->begin(header(raw, "X-Amzn-Trace-Id"));
        if (trace->sampled) segment = opt.tracer->new_segment(*trace, started_wall);
      }
      Response resp;
      if (early.status != 0)
        resp = std::move(early);
      else
        resp = co_await run_on_worker(req, segment ? &*segment : nullptr);
      if (trace) resp.headers.emplace_back("X-Amzn-Trace-Id", trace->response_header());
      bool keep_alive = client_keep_alive && !lame_duck && !draining && !upload_too_large && !refused_unread;
      std::size_t bytes = resp.body.size();
      if (resp.file) {
        std::error_code size_ec;
        bytes = static_cast<std::size_t>(std::filesystem::file_size(resp.file->path(), size_ec));
      }
      int status = resp.status;
      std::string user_id = resp.user_id;
      // Counted before the reply goes out, so a client that has its reply finds it counted.
      std::string_view route = req.route.empty() ? kUnmatchedRoute : std::string_view(req.route);
      if (opt.metrics != nullptr)
        opt.metrics->record(req.method, route, status, std::chrono::steady_clock::now() - started);
      co_await write(*s, resp, req.meta.request_id, raw.version(), keep_alive);
      if (segment) {
        segment->end_time = platform::xray::epoch_seconds_now();
        segment->method = req.method;
        // The path only: the query string can carry personal data. A calendar feed's path is its
        // secret, so it is traced by its route template.
        segment->url = req.route.rfind("/ical/", 0) == 0 ? req.route : req.path;
        segment->route = std::string(route);
        segment->request_id = req.meta.request_id;
        segment->status = status;
        segment->content_length = static_cast<std::int64_t>(bytes);
        opt.tracer->finish(*segment);
      }
      {
        log::RequestScope scope(req.meta.request_id);
        if (log::enabled(log::Level::info)) {
          double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
          log::info("http.request", log::Fields()
                                        .add("method", req.method)
                                        .add("route", req.route.empty() ? std::string("-") : req.route)
                                        .add("status", status)
                                        .add("durationMs", ms)
                                        .add("bytes", bytes)
                                        .add("userId", user_id));
        }
      }
      if (refused_unread) co_await drain_unread(*s, buffer);
      s->busy = false;
      if (!keep_alive) break;
    }
    boost::system::error_code ignored;
    s->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    s->stream.socket().close(ignored);
    std::lock_guard lock(sessions_mu);
    sessions.erase(s.get());
  }
};

Server::Server(RequestHandler handler, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(handler), std::move(options))) {}

Server::~Server() {
  impl_->ioc.stop();
  impl_->workers.join();
  impl_->readers.join();
}

void Server::start() {
  auto& i = *impl_;
  tcp::endpoint ep(asio::ip::make_address(i.opt.bind), static_cast<unsigned short>(i.opt.port));
  i.acceptor.open(ep.protocol());
  i.acceptor.set_option(asio::socket_base::reuse_address(true));
  i.acceptor.bind(ep);
  i.acceptor.listen(asio::socket_base::max_listen_connections);
  i.bound_port = i.acceptor.local_endpoint().port();
}

int Server::port() const {
  return impl_->bound_port;
}
bool Server::draining() const {
  return impl_->lame_duck || impl_->draining;
}
std::size_t Server::open_connections() const {
  return impl_->open_sessions();
}
int Server::requests_in_flight() const {
  return impl_->queued.load(std::memory_order_relaxed);
}
std::uint64_t Server::refused_connections() const {
  return impl_->refused_total.load(std::memory_order_relaxed);
}
void Server::stop() {
  impl_->request_stop();
}

void Server::run(bool handle_signals) {
  auto& i = *impl_;
  asio::signal_set signals(i.ioc);
  if (handle_signals) {
    signals.add(SIGINT);
    signals.add(SIGTERM);
    signals.async_wait([this](const boost::system::error_code& ec, int signo) {
      if (ec) return;
      log::info("server.signal", log::Fields().add("signal", signo == SIGTERM ? "SIGTERM" : "SIGINT"));
      impl_->request_stop();
    });
  }
  asio::co_spawn(i.ioc, i.accept_loop(), asio::detached);
  auto guard = asio::make_work_guard(i.ioc);
  std::vector<std::thread> threads;
  for (int t = 0; t < std::max(1, i.opt.io_threads); ++t) threads.emplace_back([&i] { i.ioc.run(); });

  {
    std::unique_lock lock(i.stop_mu);
    i.stop_cv.wait(lock, [&i] { return i.stop_requested; });
  }
  // Lame duck: still accepting and serving, but /health fails and every response closes its
  // connection, so the load balancer stops routing here and no keep-alive connection is left for
  // the drain to close under a request in flight.
  i.lame_duck = true;
  if (i.opt.lame_duck_seconds > 0) {
    log::info("server.lame_duck", log::Fields().add("seconds", i.opt.lame_duck_seconds));
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(i.opt.lame_duck_seconds);
    while (std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // Drain: stop accepting, close idle connections, let busy ones finish their request.
  i.draining = true;
  asio::post(i.ioc, [&i] {
    boost::system::error_code ignored;
    i.acceptor.close(ignored);
  });
  i.close_idle_sessions();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(i.opt.drain_seconds);
  while (i.open_sessions() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    i.close_idle_sessions();
  }
  auto left = i.open_sessions();
  log::info("server.drained", log::Fields().add("unfinishedConnections", left));
  signals.cancel();
  guard.reset();
  i.ioc.stop();
  for (auto& t : threads) t.join();
  i.workers.join();
  i.readers.join();
}

}  // namespace cma::http
