#pragma once

#include "collectors/CollectorFactory.h"

// "tcpdump": --tcpdump IFACE [--filter EXPR] [--duration S] [--max-bytes N].
CollectorFactory tcpdumpCollectorFactory();
