# Per-generator settings, read by cpack for each generator it runs.
if(CPACK_GENERATOR STREQUAL "TGZ")
    # A relocatable tree: casebook-<version>-Linux/bin/casebook ...
    set(CPACK_PACKAGING_INSTALL_PREFIX "/")
    set(CPACK_SET_DESTDIR OFF)
endif()
