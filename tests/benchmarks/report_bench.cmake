# report_bench: `casectl export --redact` vs sed doing the same replacements on the same text.
add_executable(report_bench ${CMAKE_CURRENT_LIST_DIR}/report_bench.cpp)
target_link_libraries(report_bench PRIVATE benchrunner engine casebook_options Qt6::Core)
add_dependencies(report_bench casectl)
