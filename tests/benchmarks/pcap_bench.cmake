# pcap_bench: `casectl import` of a generated capture vs tcpdump -r -w /dev/null and tshark -z conv,tcp.
add_executable(pcap_bench ${CMAKE_CURRENT_LIST_DIR}/pcap_bench.cpp)
target_link_libraries(pcap_bench PRIVATE benchrunner pcaptestsupport casebook_options Qt6::Core)
add_dependencies(pcap_bench casectl)
