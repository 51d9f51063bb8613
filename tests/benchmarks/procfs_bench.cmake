# procfs_bench: `casectl collect --procfs` over loopback SSH vs ssh HOST cat of the same /proc files.
add_executable(procfs_bench ${CMAKE_CURRENT_LIST_DIR}/procfs_bench.cpp)
target_link_libraries(procfs_bench PRIVATE benchrunner testsupport casebook_options Qt6::Core)
add_dependencies(procfs_bench casectl)
