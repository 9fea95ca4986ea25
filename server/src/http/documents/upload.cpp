#include "http/documents/upload.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace cma::http {

namespace {

// Splits "/api/v1/x/y/z" into its segments.
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    path.remove_prefix(slash == std::string_view::npos ? path.size() : slash);
  }
  return out;
}

}  // namespace

std::optional<std::string> UploadForm::field(std::string_view name) const {
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return std::nullopt;
}

bool is_upload_route(std::string_view method, std::string_view path) {
  if (method != "POST") return false;
  auto s = segments(path);
  if (s.size() != 5 || s[0] != "api" || s[1] != "v1") return false;
  return (s[2] == "cases" && s[4] == "documents") || (s[2] == "documents" && s[4] == "versions");
}

UploadReceiver::UploadReceiver(std::string_view content_type, std::uint64_t max_file_bytes,
                               std::filesystem::path spool_dir)
    : max_file_bytes_(max_file_bytes), spool_dir_(std::move(spool_dir)), form_(std::make_shared<UploadForm>()) {
  auto boundary = multipart_boundary(content_type);
  if (!boundary) {
    form_->not_multipart = true;
    return;
  }
  MultipartParser::Callbacks cb;
  cb.begin = [this](const PartHeaders& h) { return begin_part(h); };
  cb.data = [this](std::string_view d) { return part_data(d); };
  cb.end = [this] { end_part(); };
  parser_.emplace(*boundary, std::move(cb));
}

UploadReceiver::~UploadReceiver() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<std::string> UploadReceiver::begin_part(const PartHeaders& h) {
  if (h.name == "file") {
    if (spool_) return "The body has more than one part named file.";
    try {
      spool_ = app::make_spooled_file(spool_dir_);
    } catch (const std::exception&) {
      return "The upload could not be spooled on the server.";
    }
    fd_ = ::open(spool_->path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd_ < 0) return "The upload could not be spooled on the server.";
    sha_ = std::make_unique<platform::Sha256Stream>();
    file_name_ = h.filename.value_or("");
    part_ = Part::file;
    return std::nullopt;
  }
  if (h.filename || form_->fields.size() >= kMaxFields) {
    part_ = Part::ignored;  // another file, or more fields than any form here has: read past it
    return std::nullopt;
  }
  part_ = Part::field;
  field_name_ = h.name;
  field_value_.clear();
  return std::nullopt;
}

std::optional<std::string> UploadReceiver::part_data(std::string_view data) {
  switch (part_) {
    case Part::file: {
      file_bytes_ += data.size();
      if (file_bytes_ > max_file_bytes_) {
        too_large_ = true;
        return "The file is too large.";
      }
      sha_->update(data);
      while (!data.empty()) {
        auto n = ::write(fd_, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return "The upload could not be spooled on the server.";
        data.remove_prefix(static_cast<std::size_t>(n));
      }
      return std::nullopt;
    }
    case Part::field:
      if (field_value_.size() + data.size() > kMaxFieldBytes)
        return "The field " + field_name_ + " is longer than " + std::to_string(kMaxFieldBytes) + " bytes.";
      field_value_.append(data);
      return std::nullopt;
    case Part::ignored:
    case Part::none:
      return std::nullopt;
  }
  return std::nullopt;
}

void UploadReceiver::end_part() {
  if (part_ == Part::field) form_->fields.emplace_back(std::move(field_name_), std::move(field_value_));
  if (part_ == Part::file && fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
    form_->file = app::UploadedFile{spool_, file_name_, file_bytes_, sha_->hex()};
  }
  part_ = Part::none;
}

bool UploadReceiver::feed(std::string_view chunk) {
  if (done_ || !parser_) return false;
  if (!parser_->feed(chunk)) {
    done_ = true;
    return false;
  }
  return true;
}

std::shared_ptr<UploadForm> UploadReceiver::finish() {
  if (!form_) return std::make_shared<UploadForm>();
  if (parser_ && !too_large_) {
    if (!done_) parser_->finish();
    if (parser_->failed()) form_->malformed = parser_->error();
  }
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!form_->malformed.empty() || too_large_) form_->file.reset();
  spool_.reset();
  done_ = true;  // the form is the caller's alone now: its spooled file goes when it does
  return std::move(form_);
}

}  // namespace cma::http
