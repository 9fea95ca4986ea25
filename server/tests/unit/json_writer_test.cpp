// The streaming JSON writer: what it writes parses back to the same values.
#include "http/json_writer.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace {

using cma::http::JsonWriter;
namespace json = boost::json;

TEST(JsonWriter, WritesNestedObjectsAndArraysWithCommasInPlace) {
  JsonWriter w;
  w.begin_object().field("a", 1).key("b").begin_array().value(2).value("x").null().value(true).end_array();
  w.key("c").begin_object().end_object().key("d").begin_array().end_array().nullable("e", "").nullable("f", "g");
  w.end_object();
  EXPECT_EQ(w.text(), R"({"a":1,"b":[2,"x",null,true],"c":{},"d":[],"e":null,"f":"g"})");
}

TEST(JsonWriter, EscapesWhatAJsonStringCannotCarry) {
  std::string nasty = "quote\" back\\ nl\n cr\r tab\t bs\b ff\f nul";
  nasty.push_back('\0');
  nasty += " unit\x1f del\x7f £ é 中 🙂";
  JsonWriter w;
  w.begin_object().key_text(nasty).value(nasty).end_object();
  auto parsed = json::parse(w.text());
  ASSERT_TRUE(parsed.is_object());
  const auto& o = parsed.as_object();
  ASSERT_EQ(o.size(), 1U);
  EXPECT_EQ(std::string(o.begin()->key()), nasty);
  EXPECT_EQ(std::string(o.begin()->value().as_string()), nasty);
  EXPECT_NE(w.text().find("\\u0000"), std::string::npos);
  EXPECT_NE(w.text().find("\\u001f"), std::string::npos);
}

TEST(JsonWriter, WritesIntegersExactlyAtTheirLimits) {
  JsonWriter w;
  w.begin_array()
      .value(std::numeric_limits<long long>::max())
      .value(std::numeric_limits<long long>::min())
      .value(0)
      .value(-1)
      .value(false)
      .end_array();
  EXPECT_EQ(w.text(), "[9223372036854775807,-9223372036854775808,0,-1,false]");
}

TEST(JsonWriter, EmbedsADocumentBuiltAsATree) {
  JsonWriter w;
  w.begin_object().key("tree").value(json::value(json::object{{"k", json::array{1, "two"}}})).field("n", 3);
  w.end_object();
  EXPECT_EQ(w.text(), R"({"tree":{"k":[1,"two"]},"n":3})");
}

}  // namespace
