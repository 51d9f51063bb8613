#pragma once

#include "RawPacket.h"

// Receives what CaptureReader finds, in file order.
class PacketConsumer
{
public:
    virtual ~PacketConsumer() = default;
    virtual void onInterface(const CaptureInterface &iface) = 0;
    virtual void onPacket(const RawPacket &packet) = 0;
};
