#!/usr/bin/env python3
"""Converts api/openapi.yaml to JSON and writes it as a C++ source file for the http library."""
import json
import sys

import yaml


def main() -> int:
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    text = json.dumps(spec, separators=(",", ":"), ensure_ascii=False)
    delimiter = "CMA_OPENAPI"
    if f"){delimiter}\"" in text:
        raise SystemExit("openapi.yaml contains the raw-string delimiter")
    with open(target, "w", encoding="utf-8") as f:
        f.write("// Generated from api/openapi.yaml by scripts/openapi_embed.py. Do not edit.\n")
        f.write('#include "http/api.hpp"\n\n')
        f.write("namespace cma::http {\n")
        # Split into chunks: compilers limit the length of a single string literal.
        f.write("const char* const kOpenApiJson =\n")
        for i in range(0, len(text), 8000):
            f.write(f'    R"{delimiter}({text[i:i + 8000]}){delimiter}"\n')
        f.write(";\n}  // namespace cma::http\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
