# Workbench benchmark: a generated case with 1,000,000 timeline events and
# 100,000 tasks; first paint, zoom/scroll repaint, memory, event-loop stalls.
# Built here, run by tests/benchmarks/run (never by ctest).
if(CASEBOOK_BUILD_GUI AND CASEBOOK_BUILD_BENCHMARKS)
    add_executable(gui_bench ${CMAKE_CURRENT_LIST_DIR}/gui_bench.cpp)
    target_link_libraries(gui_bench PRIVATE workbench casebook_options)
endif()
