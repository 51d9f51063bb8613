#pragma once

#include <QString>

// The "symlink escape" rule shared by the local and SFTP pulls: a resolved
// absolute path must lie inside the resolved root directory.
namespace PathConfinement {
bool isInside(const QString &resolvedPath, const QString &resolvedRoot);
QString escapeMessage(const QString &requested, const QString &resolved, const QString &root);
}
