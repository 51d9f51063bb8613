# strace_bench: strace log ingest vs sqlite3 .import of the same rows (tests/benchmarks/strace_bench.sh).
add_executable(strace_bench ${CMAKE_CURRENT_LIST_DIR}/strace_bench.cpp)
target_link_libraries(strace_bench PRIVATE engine casebook_options Qt6::Core)
