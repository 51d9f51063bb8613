# benchrunner: ChildLauncher (children fork/exec'd by a small launcher, reaped
# with wait4: their own peak RSS and CPU) and BenchRunner (alternating rounds,
# min/median, agreement check, one markdown row per comparison).
add_library(benchrunner STATIC ${CMAKE_CURRENT_LIST_DIR}/ChildLauncher.cpp ${CMAKE_CURRENT_LIST_DIR}/BenchRunner.cpp)
target_include_directories(benchrunner PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(benchrunner PUBLIC casebook_options Qt6::Core)
