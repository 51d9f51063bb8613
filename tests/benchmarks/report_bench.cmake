# report_bench: a redacted export (Casebook) vs sed doing the same replacements
# on the same evidence text, and the report draft of a large case.
add_executable(report_bench ${CMAKE_CURRENT_LIST_DIR}/report_bench.cpp)
target_link_libraries(report_bench PRIVATE engine casebook_options Qt6::Core)
