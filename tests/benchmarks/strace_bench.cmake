# strace_bench: `casectl import` vs sqlite3 .import of the same rows; `casectl strace --grep` vs grep -F.
add_executable(strace_bench ${CMAKE_CURRENT_LIST_DIR}/strace_bench.cpp)
target_link_libraries(strace_bench PRIVATE benchrunner casebook_options Qt6::Core)
add_dependencies(strace_bench casectl)
