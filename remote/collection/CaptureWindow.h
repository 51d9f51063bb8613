#pragma once

#include "CollectorRun.h"

#include <vector>

class HostEventEmitter;

// One capture window on one host: the collectors that watch the same moment
// (procfs samples, kernel log, strace, tcpdump) start together, each on its
// own thread with its own connection to the case, over the host's one
// transport (one SSH session, a channel each). They share one start; each
// runs for its own duration (--duration, --samples x --interval). Returns
// the outcomes in the order of `collectors`, after every one has finished.
namespace CaptureWindow {
std::vector<CollectorOutcome> run(const std::vector<Collector *> &collectors, Transport &transport, const QString &casePath,
                                  qint64 hostId, const QString &hostSpec, HostEventEmitter &events, const CancelToken &cancel);
}
