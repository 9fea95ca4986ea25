#!/usr/bin/env python3
"""Embeds the reference data files (data/reference/*.json) in a C++ source file for the refdata
library, which defines cma::refdata::embedded_file (server/src/refdata/embedded.hpp).

Each file must be valid JSON (no duplicate keys, no NaN or Infinity) with a top-level object that
has a "source" note; the file's full meaning is checked when the program loads it
(server/src/refdata/reference_data.cpp) and by refdata_tests. The text is embedded as written, so
a replacement file in REFERENCE_DATA_DIR goes through exactly the same parsing.

Usage: reference_embed.py OUTPUT.cpp FILE.json...
"""
import json
import pathlib
import sys

DELIMITER = "CMA_REFDATA"
CHUNK = 8000  # characters per raw-string literal: compilers limit the length of one literal


def refuse_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


def check(path, text):
    try:
        data = json.loads(text, object_pairs_hook=refuse_duplicates, parse_constant=refuse_constant)
    except ValueError as e:  # json.JSONDecodeError is a ValueError
        raise SystemExit(f"{path}: not valid JSON: {e}")
    if not isinstance(data, dict) or not isinstance(data.get("source"), str) or not data["source"].strip():
        raise SystemExit(f'{path}: the top level must be an object with a "source" note')
    if f"){DELIMITER}\"" in text:
        raise SystemExit(f"{path}: contains the raw-string delimiter {DELIMITER}")


def literal(text):
    # Slicing the str (not its bytes) never splits a UTF-8 sequence between two literals.
    chunks = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
    return "\n".join(f'    R"{DELIMITER}({c}){DELIMITER}"' for c in chunks)


def main() -> int:
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    target, sources = pathlib.Path(sys.argv[1]), [pathlib.Path(p) for p in sys.argv[2:]]
    names = [p.name for p in sources]
    if len(set(names)) != len(names):
        raise SystemExit(f"two reference data files share a name: {names}")
    out = ["// Generated from data/reference/ by scripts/reference_embed.py. Do not edit.",
           '#include "refdata/embedded.hpp"', "", "namespace cma::refdata {", "namespace {", ""]
    for i, path in enumerate(sources):
        # utf-8-sig: a byte-order mark left by an editor is dropped; any other invalid UTF-8 fails.
        text = path.read_text(encoding="utf-8-sig")
        check(path, text)
        out += [f"// {path.name}", f"constexpr char kFile{i}[] =", literal(text) + ";", ""]
    out += ["struct EmbeddedFile {", "  std::string_view name;", "  std::string_view text;", "};", "",
            "constexpr EmbeddedFile kFiles[] = {"]
    out += [f'    {{"{name}", {{kFile{i}, sizeof(kFile{i}) - 1}}}},' for i, name in enumerate(names)]
    out += ["};", "", "}  // namespace", "",
            "std::optional<std::string_view> embedded_file(std::string_view name) {",
            "  for (const auto& f : kFiles)",
            "    if (f.name == name) return f.text;",
            "  return std::nullopt;",
            "}", "", "}  // namespace cma::refdata", ""]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
