#pragma once

#include "collectors/CollectorFactory.h"

// casectl collect --procfs [--samples N --interval S] [--services LIST] / --kernel-log
CollectorFactory procfsCollectorFactory();
CollectorFactory kernelLogCollectorFactory();
