# procfs_bench: procfs snapshot over loopback SSH vs ssh ps -eLo (tests/benchmarks/run).
add_executable(procfs_bench ${CMAKE_CURRENT_LIST_DIR}/procfs_bench.cpp)
target_link_libraries(procfs_bench PRIVATE testsupport engine remote casebook_options Qt6::Core)
