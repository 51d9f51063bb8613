#include "CaptureFilter.h"

#include <QRegularExpression>
#include <QStringList>

namespace {
constexpr qsizetype kMaxLength = 4096;

bool isOperator(const QString &token)
{
    static const QStringList ops{QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("&&"), QStringLiteral("||")};
    return ops.contains(token);
}

bool isNot(const QString &token)
{
    return token == QLatin1String("not") || token == QLatin1String("!");
}

// Splits into words, parentheses and the operators && || ! (which pcap-filter
// allows without spaces).
QStringList tokens(const QString &expr)
{
    static const QRegularExpression re(QStringLiteral("&&|\\|\\||!=|!|[()]|[^\\s()!&|]+|[&|]"));
    QStringList out;
    for (auto it = re.globalMatch(expr); it.hasNext();)
        out << it.next().captured(0);
    return out;
}
}

CaptureFilter CaptureFilter::parse(const QString &text)
{
    CaptureFilter f;
    if (text.size() > kMaxLength) {
        f.m_error = QStringLiteral("is longer than %1 characters").arg(kMaxLength);
        return f;
    }
    // Shell quoting: drop the quotes, keep what they enclose literally.
    QString expr;
    QChar open;
    for (const QChar c : text) {
        if (!open.isNull()) {
            if (c == open)
                open = QChar();
            else
                expr += c;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            open = c;
        } else {
            expr += c;
        }
    }
    if (!open.isNull()) {
        f.m_error = QStringLiteral("has an unbalanced %1 quote").arg(open);
        return f;
    }
    for (const QChar c : expr) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
            f.m_error = QStringLiteral("must be one line of printable text");
            return f;
        }
    }
    expr = expr.simplified();
    if (expr.isEmpty()) {
        f.m_error = QStringLiteral("is empty");
        return f;
    }
    int depth = 0;
    QString previous; // "" at the start, else the last token
    for (const QString &t : tokens(expr)) {
        if (t == QLatin1String("(")) {
            ++depth;
        } else if (t == QLatin1String(")")) {
            if (--depth < 0) {
                f.m_error = QStringLiteral("has a ')' without its '('");
                return f;
            }
            if (previous == QLatin1String("(")) {
                f.m_error = QStringLiteral("has empty parentheses");
                return f;
            }
            if (isOperator(previous) || isNot(previous)) {
                f.m_error = QStringLiteral("has '%1' with nothing after it").arg(previous);
                return f;
            }
        } else if (isOperator(t)) {
            if (previous.isEmpty() || previous == QLatin1String("(") || isOperator(previous) || isNot(previous)) {
                f.m_error = QStringLiteral("has '%1' with nothing before it").arg(t);
                return f;
            }
        }
        previous = t;
    }
    if (depth > 0) {
        f.m_error = QStringLiteral("has a '(' without its ')'");
        return f;
    }
    if (isOperator(previous) || isNot(previous)) {
        f.m_error = QStringLiteral("ends with '%1'").arg(previous);
        return f;
    }
    f.m_filter = expr;
    return f;
}
