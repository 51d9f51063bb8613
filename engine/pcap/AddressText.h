#pragma once

#include <QString>
#include <cstdint>

// Text of an IP address as stored in the case: dotted IPv4, RFC 5952 IPv6.
namespace AddressText {
QString of(const uint8_t *addr, uint8_t ipVersion);
// Writes the text into buf (at least 46 bytes); returns its length.
int format(char *buf, const uint8_t *addr, uint8_t ipVersion);
// "addr:port" (IPv6 as "[addr]:port").
QString withPort(const uint8_t *addr, uint8_t ipVersion, uint16_t port);
// True for multicast and broadcast destinations (never expected to answer).
bool isGroupAddress(const uint8_t *addr, uint8_t ipVersion);
}
