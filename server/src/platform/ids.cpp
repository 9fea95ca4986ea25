#include "platform/ids.hpp"

#include <cstdio>
#include <mutex>

#include "platform/crypto.hpp"

namespace cma::platform {

std::string UuidV7Generator::next() {
  // 48-bit Unix milliseconds, then a 12-bit counter-ish field from sub-millisecond time so ids made
  // within one process in the same millisecond still sort in creation order, then 62 random bits.
  auto now_us = clock_.now().time_since_epoch().count();
  std::uint64_t ms = static_cast<std::uint64_t>(now_us / 1000);
  static std::mutex mu;
  static std::uint64_t last_ms = 0;
  static std::uint16_t seq = 0;
  std::uint16_t counter;
  {
    std::lock_guard lock(mu);
    if (ms <= last_ms) {
      ms = last_ms;
      seq = static_cast<std::uint16_t>((seq + 1) & 0x0FFF);
      if (seq == 0) last_ms = ++ms;
    } else {
      last_ms = ms;
      seq = static_cast<std::uint16_t>((now_us % 1000) * 4);  // 0..3996: room to count up
    }
    counter = seq;
  }
  std::string rnd = random_bytes(8);
  unsigned char b[16];
  for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
  b[6] = static_cast<unsigned char>(0x70 | ((counter >> 8) & 0x0F));
  b[7] = static_cast<unsigned char>(counter & 0xFF);
  for (int i = 0; i < 8; ++i) b[8 + i] = static_cast<unsigned char>(rnd[i]);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  char out[37];
  std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return out;
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace cma::platform
