# Writes a text file into a C++ source file as a byte array, so the binary carries it without
# reading files at run time. -DINPUT -DOUTPUT -DHEADER (included) -DNAMESPACE -DFUNCTION: the
# generated `std::string_view NAMESPACE::FUNCTION()` returns the text.
file(READ ${INPUT} HEX HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," BYTES "${HEX}")
get_filename_component(NAME ${INPUT} NAME)
file(WRITE ${OUTPUT}
  "// Generated from ${NAME} by cmake/embed_text.cmake; do not edit.\n"
  "#include \"${HEADER}\"\n"
  "namespace ${NAMESPACE} {\n"
  "namespace { constexpr unsigned char kText[] = {${BYTES} 0}; }\n"
  "std::string_view ${FUNCTION}() { return {reinterpret_cast<const char*>(kText), sizeof(kText) - 1}; }\n"
  "}  // namespace ${NAMESPACE}\n")
