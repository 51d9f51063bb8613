#pragma once

#include "Transport.h"

// Reads one local regular file for LocalTransport::pull. The blocking file
// system calls (which hang for ever on a dead NFS mount) run on a helper
// thread; the caller's thread only waits with the time limit and cancel, and
// abandons a helper stuck in the kernel instead of hanging with it.
namespace LocalFileReader {
PullResult read(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                const CancelToken &cancel);
}
