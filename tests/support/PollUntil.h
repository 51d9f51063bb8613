#pragma once

#include <functional>

// Polls condition every intervalMs until it holds (true) or timeoutMs passes
// (false, after one last look). For fixtures that wait for a real state of
// the system (a process blocked in the kernel, a file written by a child);
// test functions use QTRY_* instead, which also run the event loop. This
// never processes events.
bool pollUntil(const std::function<bool()> &condition, int timeoutMs, int intervalMs = 10);
