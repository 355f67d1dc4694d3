# Writes the default policy's text into a C++ source file as a byte array, so the binary
# carries its built-in policy without reading files at run time.
file(READ ${INPUT} HEX HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," BYTES "${HEX}")
file(WRITE ${OUTPUT}
  "// Generated from policies/default.toml by embed_policy.cmake; do not edit.\n"
  "#include \"app/policy_source.h\"\n"
  "namespace caredesk::app {\n"
  "namespace { constexpr unsigned char kText[] = {${BYTES} 0}; }\n"
  "std::string_view BuiltInDefaultPolicy() { return {reinterpret_cast<const char*>(kText), sizeof(kText) - 1}; }\n"
  "}  // namespace caredesk::app\n")
