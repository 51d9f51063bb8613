#pragma once

#include "collectors/CollectorFactory.h"

// "file": --pull PATH (repeatable) pulls files verbatim; --pull-max BYTES caps each.
CollectorFactory fileCollectorFactory();
