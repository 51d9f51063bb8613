#pragma once

#include "CollectorOptionSet.h"

// Options of the connection to a host rather than of one collector: whether
// collectors run with raised privileges (--sudo) and how they get them
// (--become-method). Declared here so the Collect dialog's form is generated
// like the collectors'; casectl declares its own flags of the same names.
namespace HostCollectOptions {
CollectorOptionSet declaration();
}
