#pragma once

#include "StraceLine.h"

// Parses one line of strace output (strace 5.x/6.x; -f/-ff; -t/-tt/-ttt/-r;
// -T; -y/-yy) without allocating: every field is a view into the line. Never
// reads outside the given bytes; anything not understood is Kind::Unparsed.
class StraceLineParser
{
public:
    // line excludes the newline. Returns false for Unparsed.
    static bool parse(QByteArrayView line, StraceLine &out);

    // The first "N<decoration>" in args (an fd followed by its -y/-yy path),
    // e.g. "11</srv/a.js>" or "3<TCP:[10.0.0.1:22->10.0.0.2:5000]>".
    static bool firstFdDecoration(QByteArrayView args, qint64 &fd, QByteArrayView &decoration);

    // Given text starting just after a '<', the length up to the matching '>'
    // (brackets [] nest, so "TCP:[a:1->b:2]" is one decoration); -1 if none.
    static qsizetype decorationLength(QByteArrayView text);
};
