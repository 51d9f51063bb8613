#pragma once

#include "CollectorRun.h"

#include <vector>

class HostEventEmitter;

// One capture window on one host: the collectors that watch the same moment
// (procfs samples, kernel log, strace, tcpdump) start together over the
// host's one transport (one SSH session, a channel each): the first on the
// calling thread with hostCase (the host's own connection to the case), each
// other one on a thread of its own with its own connection. They share one
// start; each runs for its own duration (--duration, --samples x --interval).
// Returns the outcomes in the order of `collectors`, after every one ended.
namespace CaptureWindow {
std::vector<CollectorOutcome> run(const std::vector<Collector *> &collectors, Transport &transport, CaseFile &hostCase,
                                  qint64 hostId, const QString &hostSpec, HostEventEmitter &events, const CancelToken &cancel);
}
