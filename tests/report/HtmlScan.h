#pragma once

#include <QString>
#include <QStringList>

// A small HTML tokenizer for tests: the tag names in order, and the text
// between tags with entities decoded. Enough to prove that untrusted text
// became text, not markup.
struct HtmlScan
{
    QStringList tags;       // lower-case names, closing tags as "/name"
    QStringList attributes; // raw attribute text of every tag
    QString text;           // decoded character data (style/title included)
    bool wellFormed = true; // every '<' closed by '>'

    static HtmlScan parse(const QString &html);
};
