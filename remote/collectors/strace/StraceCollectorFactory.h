#pragma once

#include "collectors/CollectorFactory.h"

// "strace": --strace-pid PIDS or --strace-cmd COMMAND, --duration, --strace-max-mb.
CollectorFactory straceCollectorFactory();
