# Embeds templates/<language>/<kind>.txt (the message templates caredesk ships) into a C++ source
# file, so the binary carries its default templates and needs no files at run time.
#   -DDIR=templates -DOUTPUT=x.cc
file(GLOB FILES ${DIR}/*/*.txt)
list(SORT FILES)
set(BODY "")
set(ENTRIES "")
set(INDEX 0)
foreach(F ${FILES})
  get_filename_component(KIND ${F} NAME_WE)
  get_filename_component(LANGUAGE_DIR ${F} DIRECTORY)
  get_filename_component(LANGUAGE ${LANGUAGE_DIR} NAME)
  file(READ ${F} HEX HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," BYTES "${HEX}")
  string(APPEND BODY "constexpr unsigned char kFile${INDEX}[] = {${BYTES} 0};\n")
  string(APPEND ENTRIES "    {\"${LANGUAGE}\", \"${KIND}\", {reinterpret_cast<const char*>(kFile${INDEX}), sizeof(kFile${INDEX}) - 1}},\n")
  math(EXPR INDEX "${INDEX} + 1")
endforeach()
file(WRITE ${OUTPUT}.tmp
  "// Generated from templates/ by embed_templates.cmake; do not edit.\n"
  "#include \"mail/default_templates.h\"\n"
  "namespace caredesk::mail {\n"
  "namespace {\n${BODY}"
  "const TemplateFile kFiles[] = {\n${ENTRIES}};\n"
  "}  // namespace\n"
  "std::span<const TemplateFile> DefaultTemplateFiles() { return kFiles; }\n"
  "}  // namespace caredesk::mail\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
