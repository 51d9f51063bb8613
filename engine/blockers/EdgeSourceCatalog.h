#pragma once

#include "EdgeSource.h"

#include <memory>
#include <vector>

// The edge sources, in the order they run. Adding a source = one line in
// EdgeSourceCatalog.cpp.
namespace EdgeSourceCatalog {
const std::vector<std::unique_ptr<EdgeSource>> &all();
}
