# Embeds migrations/<dialect>/NNNN_name.sql into a C++ source file, so the binary carries the
# schema it knows and `migrate` needs no files at run time.
#   -DDIALECT=sqlite|postgres -DDIR=migrations/<dialect> -DFUNCTION=SqliteMigrations -DOUTPUT=x.cc
file(GLOB FILES ${DIR}/*.sql)
list(SORT FILES)
set(BODY "")
set(ENTRIES "")
set(INDEX 0)
foreach(F ${FILES})
  get_filename_component(NAME ${F} NAME_WE)
  string(REGEX MATCH "^[0-9]+" VERSION ${NAME})
  math(EXPR VERSION "${VERSION}")
  file(READ ${F} HEX HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," BYTES "${HEX}")
  string(APPEND BODY "constexpr unsigned char kSql${INDEX}[] = {${BYTES} 0};\n")
  string(APPEND ENTRIES "    {${VERSION}, \"${NAME}\", {reinterpret_cast<const char*>(kSql${INDEX}), sizeof(kSql${INDEX}) - 1}},\n")
  math(EXPR INDEX "${INDEX} + 1")
endforeach()
file(WRITE ${OUTPUT}.tmp
  "// Generated from migrations/${DIALECT} by embed_migrations.cmake; do not edit.\n"
  "#include \"store/common/migrations.h\"\n"
  "namespace caredesk::store {\n"
  "namespace {\n${BODY}"
  "const Migration kMigrations[] = {\n${ENTRIES}};\n"
  "}  // namespace\n"
  "std::span<const Migration> ${FUNCTION}() { return kMigrations; }\n"
  "}  // namespace caredesk::store\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
