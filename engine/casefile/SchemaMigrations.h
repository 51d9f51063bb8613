#pragma once

#include <span>

// The schema migrations compiled into this build, in order. Migration N takes
// a case file from user_version N-1 to N.
struct SchemaMigration
{
    int version;
    const char *name;
    const char *sql;
};

namespace SchemaMigrations {
std::span<const SchemaMigration> all();
int latestVersion();
}
