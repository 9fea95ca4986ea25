#!/usr/bin/env python3
"""The layers of server/src may include only what ARCHITECTURE.md lets them depend on; each CMake
library links only its own dependencies too, but headers are checked here. Run by `make test`
(ctest: layer_includes).

Usage: check_layers.py SRC_DIR | --self-test
"""
import pathlib
import re
import sys

STD = r"[a-z_0-9]+"  # <string>, <cstdint>, …: no slash, no extension
SYSTEM = r"sys/.*|unistd\.h|fcntl\.h|signal\.h|poll\.h|netdb\.h"

# Layer -> include paths it may use (regular expressions over what is inside <> or "").
ALLOWED = {
    "domain": [STD, r"domain/.*"],
    "platform": [STD, SYSTEM, r"platform/.*", r"spdlog/.*", r"openssl/.*", r"sodium\.h"],
    "app": [STD, r"app/.*", r"domain/.*", r"platform/.*", r"boost/json(/.*)?\.hpp"],
    "store": [STD, r"store/.*", r"app/.*", r"domain/.*", r"platform/.*", r"soci/.*", r"sqlite3\.h",
              r"libpq-fe\.h", r"poll\.h"],
    "jobs": [STD, SYSTEM, r"jobs/.*", r"app/.*", r"domain/.*", r"platform/.*", r"boost/json(/.*)?\.hpp"],
    "http": [STD, SYSTEM, r"http/.*", r"app/.*", r"domain/.*", r"platform/.*", r"boost/.*"],
    "blob": [STD, SYSTEM, r"blob/.*", r"app/.*", r"domain/.*", r"platform/.*", r"curl/curl\.h", r"magic\.h", r"openssl/.*",
             r"boost/json(/.*)?\.hpp"],
    "extract": [STD, SYSTEM, r"extract/.*", r"app/.*", r"domain/.*", r"platform/.*", r"poppler-[a-z-]+\.h",
                r"tesseract/.*", r"leptonica/.*", r"archive(_entry)?\.h", r"expat\.h"],
    "mail": [STD, r"mail/.*", r"app/.*", r"domain/.*", r"platform/.*", r"curl/curl\.h"],
    "redis": [STD, SYSTEM, r"arpa/inet\.h", r"redis/.*", r"app/.*", r"domain/.*", r"platform/.*", r"openssl/.*"],
    "refdata": [STD, r"refdata/.*", r"app/.*", r"domain/.*", r"platform/.*", r"boost/json(/.*)?\.hpp"],
    "main": [r".*"],
}

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.MULTILINE)


def violations(layer, text):
    patterns = [re.compile(p + r"\Z") for p in ALLOWED[layer]]
    return [inc for inc in INCLUDE.findall(text) if not any(p.match(inc) for p in patterns)]


def self_test():
    assert violations("domain", '#include <string>\n#include "domain/x.hpp"\n') == []
    assert violations("domain", '#include <boost/json.hpp>\n') == ["boost/json.hpp"]
    assert violations("domain", '#include "platform/clock.hpp"\n') == ["platform/clock.hpp"]
    assert violations("http", '#include "store/database.hpp"\n') == ["store/database.hpp"]
    assert violations("app", '#include "http/handler.hpp"\n#include <soci/soci.h>\n') == [
        "http/handler.hpp", "soci/soci.h"]
    assert violations("store", '#include "http/api.hpp"\n') == ["http/api.hpp"]
    assert violations("refdata", '#include <boost/json/basic_parser_impl.hpp>\n#include "app/reference/ports.hpp"\n'
                                 '#include "store/database.hpp"\n#include <boost/asio.hpp>\n') == [
        "store/database.hpp", "boost/asio.hpp"]
    assert violations("main", '#include "store/database.hpp"\n') == []
    print("check_layers self-test: ok")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return 0
    root = pathlib.Path(sys.argv[1])
    found, files = [], 0
    for layer in ALLOWED:
        for path in sorted((root / layer).rglob("*")):
            if path.suffix not in (".hpp", ".cpp"):
                continue
            files += 1
            for inc in violations(layer, path.read_text()):
                found.append(f"{path.relative_to(root)}: the {layer} layer may not include <{inc}>")
    unknown = sorted(p.name for p in root.iterdir() if p.is_dir() and p.name not in ALLOWED)
    for name in unknown:
        found.append(f"{name}/: a folder that is no known layer (add it to check_layers.py with its rules)")
    for f in found:
        print(f, file=sys.stderr)
    if found:
        return 1
    print(f"{files} files in {len(ALLOWED)} layers include only what their layer may")
    return 0


if __name__ == "__main__":
    sys.exit(main())
