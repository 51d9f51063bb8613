# fleet_bench: `casectl collect --procfs --jobs N` on N loopback sshd vs pdsh -R ssh running the same script.
add_executable(fleet_bench ${CMAKE_CURRENT_LIST_DIR}/fleet_bench.cpp)
target_link_libraries(fleet_bench PRIVATE benchrunner testsupport remote casebook_options Qt6::Core)
add_dependencies(fleet_bench casectl)
