# pcap_bench: Casebook's capture summary vs tshark conv stats, tcpdump -r -w /dev/null and capinfos on a >= 1 GB capture.
add_executable(pcap_bench ${CMAKE_CURRENT_LIST_DIR}/pcap_bench.cpp ${CMAKE_SOURCE_DIR}/tests/pcap/CaptureWriter.cpp)
target_include_directories(pcap_bench PRIVATE ${CMAKE_SOURCE_DIR}/tests/pcap)
target_link_libraries(pcap_bench PRIVATE engine casebook_options Qt6::Core)
add_dependencies(pcap_bench casectl)
