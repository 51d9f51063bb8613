#pragma once

#include "Importer.h"

#include <memory>
#include <vector>

// Every importer Casebook ships; add one line in ImporterCatalog.cpp per kind.
namespace ImporterCatalog {
std::vector<std::unique_ptr<Importer>> all();
std::unique_ptr<Importer> byKind(const QString &kind);
// Detects the kind from the file's first bytes; nullptr if nothing recognises it.
std::unique_ptr<Importer> detect(const QString &path);
}
