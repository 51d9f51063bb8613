#pragma once

#include "StraceCall.h"

// Receives what StraceStreamParser finds, one callback per result.
class StraceSink
{
public:
    virtual ~StraceSink();
    virtual void onCall(const StraceCall &call) = 0;
    virtual void onExit(const StraceExit &exit) = 0;
    // A line the parser did not understand; text may be cut (fullLength is the real size).
    virtual void onUnparsed(qint64 line, QByteArrayView text, qint64 fullLength) = 0;
};
